"use client";

// Operator control: put a cluster or one node in maintenance (no automatic action touches it) or
// take it out, with a reason for the audit log.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";

export function PauseButton({ cluster, node, paused }: { cluster: string; node?: string; paused: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState("");
  const onSuccess = () => {
    dialog.current?.close();
    setReason("");
    return queryClient.invalidateQueries({ queryKey: trpc.fleet.pathKey() });
  };
  const clusterChange = useMutation(trpc.fleet.setPaused.mutationOptions({ onSuccess }));
  const nodeChange = useMutation(trpc.fleet.setNodePaused.mutationOptions({ onSuccess }));
  const change = node ? nodeChange : clusterChange;
  const verb = paused ? "Resume" : "Pause";
  const subject = node ?? cluster;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (node) nodeChange.mutate({ cluster, node, paused: !paused, reason });
    else clusterChange.mutate({ cluster, paused: !paused, reason });
  }

  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()} aria-label={`${verb} ${subject}`}>
        {verb}
      </button>
      <dialog ref={dialog} aria-labelledby={`pause-${subject}`} className="panel dialog">
        <form className="form" onSubmit={submit}>
          <h2 id={`pause-${subject}`}>
            {verb} {subject}
          </h2>
          <p className="muted">
            {paused
              ? "Automatic actions may touch this cluster again."
              : `While paused, no automatic failover or drill touches this ${node ? "node" : "cluster"}. ` +
                "Detection and alerts go on."}
          </p>
          <label>
            Reason (kept in the audit log)
            <textarea
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              required
              minLength={3}
              rows={2}
            />
          </label>
          {change.error ? (
            <p className="form-error" role="alert">
              {change.error.message}
            </p>
          ) : null}
          <div className="dialog-actions">
            <button type="button" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={change.isPending}>
              {verb}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}

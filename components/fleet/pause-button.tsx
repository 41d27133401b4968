"use client";

// Operator control: put a cluster in maintenance (no automatic action touches it) or take it out.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";

export function PauseButton({ cluster, paused }: { cluster: string; paused: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState("");
  const change = useMutation(
    trpc.fleet.setPaused.mutationOptions({
      onSuccess: () => {
        dialog.current?.close();
        setReason("");
        return queryClient.invalidateQueries({ queryKey: trpc.fleet.overview.queryKey() });
      },
    }),
  );
  const verb = paused ? "Resume" : "Pause";

  function submit(event: FormEvent) {
    event.preventDefault();
    change.mutate({ cluster, paused: !paused, reason });
  }

  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()} aria-label={`${verb} ${cluster}`}>
        {verb}
      </button>
      <dialog ref={dialog} aria-labelledby={`pause-${cluster}`} className="panel dialog">
        <form className="form" onSubmit={submit}>
          <h2 id={`pause-${cluster}`}>{verb} {cluster}</h2>
          <p className="muted">
            {paused
              ? "Automatic actions may touch this cluster again."
              : "While paused, no automatic failover or drill touches this cluster. Detection and alerts go on."}
          </p>
          <label>
            Reason (kept in the audit log)
            <textarea value={reason} onChange={(event) => setReason(event.target.value)} required minLength={3} rows={2} />
          </label>
          {change.error ? <p className="form-error" role="alert">{change.error.message}</p> : null}
          <div className="dialog-actions">
            <button type="button" onClick={() => dialog.current?.close()}>Cancel</button>
            <button type="submit" className="primary" disabled={change.isPending}>{verb}</button>
          </div>
        </form>
      </dialog>
    </>
  );
}

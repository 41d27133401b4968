"use client";

// Acknowledge an alert, with an optional note for whoever looks next: its reminders stop until the
// condition resolves. The dialog keeps focus until it is sent or cancelled (Escape cancels).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/client";

export function AcknowledgeButton({ id, what }: { id: string; what: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [note, setNote] = useState("");
  const ack = useMutation(
    trpc.alerts.ack.mutationOptions({
      onSuccess: () => {
        dialog.current?.close();
        setNote("");
        return queryClient.invalidateQueries({ queryKey: trpc.alerts.list.queryKey() });
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    ack.mutate({ id, note });
  }

  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()} aria-label={`Acknowledge ${what}`}>
        Acknowledge
      </button>
      <dialog ref={dialog} aria-labelledby={titleId} className="panel dialog">
        <form className="form" onSubmit={submit}>
          <h2 id={titleId}>Acknowledge {what}</h2>
          <p className="muted">
            No more reminders are sent for it until it resolves; resolution stays automatic. Kept in the audit log.
          </p>
          <label>
            Note (optional)
            <textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} rows={3} />
          </label>
          {ack.error ? (
            <p className="form-error" role="alert">
              {ack.error.message}
            </p>
          ) : null}
          <div className="dialog-actions">
            <button type="button" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={ack.isPending}>
              Acknowledge
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}

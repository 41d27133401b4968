"use client";

// Notifications of a cluster: who silenced them until when, and for operators a way to silence
// them for a maintenance window or end a silence early (both audited).
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { ClockTime } from "@/components/ui/clock-time";

export function SilenceControl({ cluster, canOperate }: { cluster: string; canOperate: boolean }) {
  const trpc = useTRPC();
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState("");
  const [minutes, setMinutes] = useState(60);
  const silences = useQuery(trpc.silences.active.queryOptions({ cluster }, { refetchInterval: 15_000 }));
  const refetch = () => silences.refetch();
  const create = useMutation(
    trpc.silences.create.mutationOptions({
      onSuccess: () => {
        dialog.current?.close();
        setReason("");
        return refetch();
      },
    }),
  );
  const end = useMutation(trpc.silences.end.mutationOptions({ onSuccess: refetch }));
  const active = silences.data ?? [];

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ cluster, minutes, reason });
  }

  return (
    <div>
      <span className="label">Notifications</span>
      {active.length === 0 ? (
        <span>sent</span>
      ) : (
        active.map((s) => (
          <div key={s.id}>
            <strong>silenced</strong> until <ClockTime at={s.endsAt} />{" "}
            <span className="muted">
              by {s.createdBy}: {s.reason}
            </span>
            {canOperate ? (
              <>
                {" "}
                <button
                  type="button"
                  onClick={() => end.mutate({ id: s.id, reason: "ended early" })}
                  disabled={end.isPending}
                >
                  End
                </button>
              </>
            ) : null}
          </div>
        ))
      )}
      {canOperate ? (
        <div>
          <button type="button" onClick={() => dialog.current?.showModal()}>
            Silence…
          </button>
          <dialog ref={dialog} aria-labelledby={`silence-${cluster}`} className="panel dialog">
            <form className="form" onSubmit={submit}>
              <h2 id={`silence-${cluster}`}>Silence {cluster}</h2>
              <p className="muted">
                No webhook is sent for this cluster&apos;s events while silenced. Detection, events and guards go on.
              </p>
              <label>
                For (minutes)
                <input
                  type="number"
                  min={1}
                  max={10080}
                  value={minutes}
                  onChange={(e) => setMinutes(Number(e.target.value))}
                  required
                />
              </label>
              <label>
                Reason (kept in the audit log)
                <textarea value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} rows={2} />
              </label>
              {create.error ? (
                <p className="form-error" role="alert">
                  {create.error.message}
                </p>
              ) : null}
              <div className="dialog-actions">
                <button type="button" onClick={() => dialog.current?.close()}>
                  Cancel
                </button>
                <button type="submit" className="primary" disabled={create.isPending}>
                  Silence
                </button>
              </div>
            </form>
          </dialog>
        </div>
      ) : null}
    </div>
  );
}

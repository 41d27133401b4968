"use client";

// The global halt, on every page: a banner while it is on (operators may lift it), and for
// operators, on the overview, a control to turn it on, with a reason.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { usePathname } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { useCan } from "@/components/auth/session-context";
import { useTRPC } from "@/components/trpc/client";
import { ClockTime } from "@/components/ui/clock-time";

export function HaltBanner() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canOperate = useCan("operator");
  const pathname = usePathname();
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState("");
  const halt = useQuery(trpc.halt.state.queryOptions(undefined, { refetchInterval: 10_000 }));
  const set = useMutation(
    trpc.halt.set.mutationOptions({
      onSuccess: () => {
        dialog.current?.close();
        setReason("");
        return queryClient.invalidateQueries({ queryKey: trpc.halt.state.queryKey() });
      },
    }),
  );
  const active = halt.data?.active ?? false;

  function submit(event: FormEvent) {
    event.preventDefault();
    set.mutate({ active: !active, reason });
  }

  return (
    <>
      {active ? (
        <div className="halt-banner" role="alert">
          <span>
            <strong>■ Halt is on:</strong> no automatic action runs. Since{" "}
            {halt.data?.since ? <ClockTime at={new Date(halt.data.since)} /> : "?"}, by {halt.data?.by}:{" "}
            {halt.data?.reason}
          </span>
          {canOperate ? (
            <button type="button" onClick={() => dialog.current?.showModal()}>
              Lift the halt…
            </button>
          ) : null}
        </div>
      ) : canOperate && pathname === "/" ? (
        <div className="halt-control">
          <button type="button" onClick={() => dialog.current?.showModal()}>
            Halt automation…
          </button>
        </div>
      ) : null}
      {canOperate ? (
        <dialog ref={dialog} aria-labelledby="halt-title" className="panel dialog">
          <form className="form" onSubmit={submit}>
            <h2 id="halt-title">{active ? "Lift the halt" : "Halt automation"}</h2>
            <p className="muted">
              {active
                ? "Automatic failover may run again."
                : "Every automatic action stops until an operator lifts the halt. Operators can still act by hand."}
            </p>
            <label>
              Reason (kept in the audit log)
              <textarea value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} rows={2} />
            </label>
            {set.error ? (
              <p className="form-error" role="alert">
                {set.error.message}
              </p>
            ) : null}
            <div className="dialog-actions">
              <button type="button" onClick={() => dialog.current?.close()}>
                Cancel
              </button>
              <button type="submit" className="primary" disabled={set.isPending}>
                {active ? "Lift" : "Halt"}
              </button>
            </div>
          </form>
        </dialog>
      ) : null}
    </>
  );
}

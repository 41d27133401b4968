"use client";

// The plan of one action in a dialog: each guard's verdict, the steps, then Run with a reason and the
// cluster's name typed. It asks for exactly what opened it, and starts empty each time it opens.
import { skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferInput } from "@trpc/tanstack-react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useCan } from "@/components/auth/session-context";
import { useTRPC } from "@/components/trpc/client";
import { planHeadline } from "./plan-headline";
import { PlanDetails } from "./plan-details";
import type { AskedPlan } from "./plan-query";

export function PlanDialog({
  cluster,
  request,
  onClose,
}: {
  cluster: string;
  request: AskedPlan;
  /** Closed by Cancel, Escape or a run: the page forgets the plan. */
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const isAdmin = useCan("admin");
  const dialog = useRef<HTMLDialogElement>(null);
  const { type, target, weight } = request;
  const [reason, setReason] = useState("");
  const [confirm, setConfirm] = useState("");
  const [acceptLoss, setAcceptLoss] = useState(false);
  const [overrides, setOverrides] = useState<string[]>([]);
  // Judging is a query asked for on demand: when the dialog opens, and again on Plan again.
  const [asked, setAsked] = useState<inferInput<typeof trpc.actions.plan> | null>(null);
  const plan = useQuery(
    trpc.actions.plan.queryOptions(asked ?? skipToken, {
      staleTime: Infinity,
      gcTime: 0,
      retry: false,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    }),
  );
  const run = useMutation(
    trpc.actions.run.mutationOptions({
      onSuccess: (result) => {
        onClose();
        router.push(`/actions/${result.id}`);
      },
    }),
  );
  const lift = useMutation(trpc.actions.liftCooldown.mutationOptions({ onSuccess: () => requestPlan() }));

  function requestPlan(accept = acceptLoss) {
    const params = { ...(weight !== undefined ? { weight } : {}), ...(accept ? { acceptDataLoss: true } : {}) };
    const input = { cluster, type, target: target || undefined, params };
    // A plan asked for again is judged afresh, its last verdict gone meanwhile: Run never acts on a stale one.
    void queryClient.resetQueries({ queryKey: trpc.actions.plan.queryKey(input), exact: true });
    setAsked(input);
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when it opens; a new request mounts a new dialog
  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
    requestPlan(false);
  }, []);

  const headline = plan.data ? planHeadline(plan.data.guards, overrides) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    // The run names the primary the plan showed, so it refuses if that changed meanwhile.
    const params = {
      ...(weight !== undefined ? { weight } : {}),
      ...(acceptLoss ? { acceptDataLoss: true } : {}),
      ...(plan.data?.primary ? { expectedPrimary: plan.data.primary } : {}),
    };
    run.mutate({ cluster, type, target: target || undefined, params, reason, confirm, overrides });
  }

  return (
    <dialog ref={dialog} aria-labelledby="plan-title" className="panel dialog plan-dialog" onClose={onClose}>
      <form className="form" onSubmit={submit}>
        <h2 id="plan-title">
          Plan: {type} {target} on {cluster}
        </h2>
        {plan.isPending ? (
          <p className="muted" aria-busy="true">
            Judging the guards…
          </p>
        ) : null}
        {plan.error ? (
          <p className="form-error" role="alert">
            {plan.error.message}
          </p>
        ) : null}
        {plan.data && headline ? (
          <PlanDetails
            plan={plan.data}
            headline={headline}
            overrides={overrides}
            onOverride={
              isAdmin ? (id, on) => setOverrides((o) => (on ? [...o, id] : o.filter((x) => x !== id))) : undefined
            }
            acceptLoss={acceptLoss}
            onAcceptLoss={(accept) => {
              setAcceptLoss(accept);
              requestPlan(accept);
            }}
            lifting={lift.isPending}
            onLiftCooldown={() => lift.mutate({ cluster, reason: reason || "operator acknowledged the cooldown" })}
          />
        ) : null}
        <label>
          Reason (kept in the audit log)
          <textarea value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} rows={2} />
        </label>
        <label>
          <span>
            Type <code>{cluster}</code> to confirm
          </span>
          <input value={confirm} onChange={(e) => setConfirm(e.target.value)} required autoComplete="off" />
        </label>
        {run.error ? (
          <p className="form-error" role="alert">
            {run.error.message}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" onClick={() => requestPlan()} disabled={plan.isPending}>
            Plan again
          </button>
          <button type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button
            type="submit"
            className="primary"
            disabled={run.isPending || confirm !== cluster || headline?.verdict === "refused" || !headline}
          >
            Run {type}
          </button>
        </div>
      </form>
    </dialog>
  );
}

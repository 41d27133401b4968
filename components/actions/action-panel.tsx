"use client";

// Operator controls on a cluster page: choose an action and a node, see its plan (guards, steps,
// estimate, potential loss) in a dialog, then run it with a reason and the cluster's name typed.
import { skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferInput } from "@trpc/tanstack-react-query";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import type { ClusterDetail } from "@/server/fleet/cluster-detail";
import { useCan } from "@/components/auth/session-context";
import { useTRPC } from "@/components/trpc/client";
import { ACTIONS_FOR_MODE, type ActionType } from "@/lib/actions";
import { targetsFor } from "./action-targets";
import { PlanDetails } from "./plan-details";

export function ActionPanel({ cluster, selected }: { cluster: ClusterDetail; selected: string | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const isAdmin = useCan("admin");
  const dialog = useRef<HTMLDialogElement>(null);
  const [type, setType] = useState<ActionType>(ACTIONS_FOR_MODE[cluster.mode][0]!);
  const [target, setTarget] = useState<string>("");
  const [weight, setWeight] = useState(100);
  const [reason, setReason] = useState("");
  const [confirm, setConfirm] = useState("");
  const [acceptLoss, setAcceptLoss] = useState(false);
  const [overrides, setOverrides] = useState<string[]>([]);
  const targets = targetsFor(cluster, type);
  // The node picked here, else the one selected in the topology, else the first that fits.
  const chosen = targets.includes(target)
    ? target
    : selected && targets.includes(selected)
      ? selected
      : (targets[0] ?? "");
  // Judging is a query asked for only on demand: none until Plan… is pressed, then the plan asked last.
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
  // The run names the primary the plan showed, so it refuses if that changed meanwhile.
  const params = () => ({
    ...(type === "set-weight" ? { weight } : {}),
    ...(acceptLoss ? { acceptDataLoss: true } : {}),
    ...(plan.data?.primary ? { expectedPrimary: plan.data.primary } : {}),
  });
  const run = useMutation(
    trpc.actions.run.mutationOptions({ onSuccess: (result) => router.push(`/actions/${result.id}`) }),
  );
  const lift = useMutation(trpc.actions.liftCooldown.mutationOptions({ onSuccess: () => requestPlan() }));

  function requestPlan(accept = acceptLoss) {
    const asking = { ...(type === "set-weight" ? { weight } : {}), ...(accept ? { acceptDataLoss: true } : {}) };
    const input = { cluster: cluster.name, type, target: chosen || undefined, params: asking };
    // A plan asked for again is judged afresh, its last verdict gone meanwhile: Run never acts on a stale one.
    void queryClient.resetQueries({ queryKey: trpc.actions.plan.queryKey(input), exact: true });
    setAsked(input);
  }

  function openPlan(event: FormEvent) {
    event.preventDefault();
    setOverrides([]);
    setAcceptLoss(false);
    run.reset();
    requestPlan(false);
    dialog.current?.showModal();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    run.mutate({
      cluster: cluster.name,
      type,
      target: chosen || undefined,
      params: params(),
      reason,
      confirm,
      overrides,
    });
  }

  return (
    <section className="panel action-panel" aria-label="Actions">
      <form className="action-form" onSubmit={openPlan}>
        <label>
          Action
          <select value={type} onChange={(e) => setType(e.target.value as ActionType)}>
            {ACTIONS_FOR_MODE[cluster.mode].map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          Node
          <select value={chosen} onChange={(e) => setTarget(e.target.value)}>
            {targets.length ? (
              targets.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))
            ) : (
              <option value="">no node to {type}</option>
            )}
          </select>
        </label>
        {type === "set-weight" ? (
          <label>
            Weight
            <input type="number" min={0} max={256} value={weight} onChange={(e) => setWeight(Number(e.target.value))} />
          </label>
        ) : null}
        <button type="submit" disabled={!chosen}>
          Plan…
        </button>
        <span className="muted">
          Every action is planned first: each guard&apos;s verdict, the steps, how long it takes.
        </span>
      </form>
      <dialog ref={dialog} aria-labelledby="plan-title" className="panel dialog plan-dialog">
        <form className="form" onSubmit={submit}>
          <h2 id="plan-title">
            Plan: {type} {chosen} on {cluster.name}
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
          {plan.data ? (
            <PlanDetails
              plan={plan.data}
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
              onLiftCooldown={() =>
                lift.mutate({ cluster: cluster.name, reason: reason || "operator acknowledged the cooldown" })
              }
            />
          ) : null}
          <label>
            Reason (kept in the audit log)
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} rows={2} />
          </label>
          <label>
            <span>
              Type <code>{cluster.name}</code> to confirm
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
              disabled={run.isPending || confirm !== cluster.name || !plan.data}
            >
              Run {type}
            </button>
          </div>
        </form>
      </dialog>
    </section>
  );
}

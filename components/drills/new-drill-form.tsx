"use client";

// Starting a click-through drill: pick a cluster and a scenario, read the plan (pre-checks, what
// each phase will do, the stop conditions, the targets it is judged by), then confirm.
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/client";
import { ErrorState, Skeleton } from "@/components/ui/states";
import { SCENARIOS_FOR_MODE, type Scenario } from "@/lib/drills";
import { DrillPlanSection } from "./drill-plan-section";
import { SCENARIO_LABEL } from "./labels";
import { StopConditionFields } from "./stop-condition-fields";

export function NewDrillForm({ initialCluster }: { initialCluster?: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const overview = useQuery(trpc.fleet.overview.queryOptions());
  const [cluster, setCluster] = useState(initialCluster ?? "");
  const [scenario, setScenario] = useState<Scenario | "">("");
  const [target, setTarget] = useState("");
  const [region, setRegion] = useState("");
  const [maxErrorPercent, setMaxErrorPercent] = useState("");
  const [maxLagMiB, setMaxLagMiB] = useState("");
  const [reason, setReason] = useState("");
  const [confirm, setConfirm] = useState("");
  const chosen = overview.data?.find((c) => c.name === cluster);
  const stopConditions = {
    ...(maxErrorPercent ? { maxErrorRate: Number(maxErrorPercent) / 100 } : {}),
    ...(maxLagMiB ? { maxLagBytes: Math.round(Number(maxLagMiB) * 1048576) } : {}),
  };
  const request = {
    cluster,
    scenario: scenario as Scenario,
    target: target || undefined,
    region: region || undefined,
    stopConditions,
  };
  // While only a stop condition is being typed, the last plan stays on screen; another cluster,
  // scenario, node or region is another plan, judged afresh before Start is offered.
  const sameDrill = (previous?: typeof request) =>
    previous?.cluster === cluster &&
    previous.scenario === scenario &&
    previous.target === request.target &&
    previous.region === request.region;
  const plan = useQuery(
    trpc.drills.plan.queryOptions(request, {
      enabled: Boolean(chosen && scenario),
      refetchInterval: 5_000,
      placeholderData: (previous, query) =>
        sameDrill((query?.queryKey[1] as { input?: typeof request } | undefined)?.input) ? previous : undefined,
    }),
  );
  const start = useMutation(trpc.drills.start.mutationOptions({ onSuccess: ({ id }) => router.push(`/drills/${id}`) }));

  if (overview.error)
    return (
      <ErrorState
        title="The console could not load the clusters"
        detail={overview.error.message}
        onRetry={() => void overview.refetch()}
      />
    );
  if (!overview.data)
    return (
      <div className="panel" role="status" aria-busy="true" aria-label="Loading clusters">
        <Skeleton height="120px" />
      </div>
    );

  const scenarios = chosen ? SCENARIOS_FOR_MODE[chosen.mode as keyof typeof SCENARIOS_FOR_MODE] : [];
  const targets =
    chosen?.nodes.filter((n) => (scenario === "standby-lag" ? n.role === "standby" : n.role === "active")) ?? [];
  const regions = [...new Set(chosen?.nodes.map((n) => n.region) ?? [])];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate({ ...request, reason, confirm });
  };
  return (
    <form onSubmit={submit} aria-label="New drill" className="drill-new">
      <section className="panel drill-form">
        <div className="field">
          <label htmlFor="drill-cluster">Cluster</label>
          <select
            id="drill-cluster"
            value={cluster}
            onChange={(e) => {
              setCluster(e.target.value);
              setScenario("");
              setTarget("");
              setRegion("");
              setConfirm("");
            }}
            required
          >
            <option value="">Choose a cluster…</option>
            {overview.data.map((c) => (
              <option key={c.name} value={c.name}>
                {c.name} ({c.mode})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="drill-scenario">Scenario</label>
          <select
            id="drill-scenario"
            value={scenario}
            onChange={(e) => {
              setScenario(e.target.value as Scenario);
              setTarget("");
              setRegion("");
            }}
            required
            disabled={!chosen}
          >
            <option value="">Choose a scenario…</option>
            {scenarios.map((s) => (
              <option key={s} value={s}>
                {SCENARIO_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
        {scenario === "standby-lag" || scenario === "node-crash" ? (
          <div className="field">
            <label htmlFor="drill-target">Node to fault</label>
            <select id="drill-target" value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">Let the console pick</option>
              {targets.map((n) => (
                <option key={n.name} value={n.name}>
                  {n.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {scenario === "region-loss" ? (
          <div className="field">
            <label htmlFor="drill-region">Region to lose</label>
            <select id="drill-region" value={region} onChange={(e) => setRegion(e.target.value)}>
              <option value="">The primary&apos;s region</option>
              {regions.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <StopConditionFields
          errorPercent={maxErrorPercent}
          onErrorPercent={setMaxErrorPercent}
          lagMiB={maxLagMiB}
          onLagMiB={setMaxLagMiB}
          defaults={plan.data?.params.stopConditions}
        />
      </section>
      {chosen && scenario ? (
        <DrillPlanSection plan={plan.data} error={plan.error?.message ?? null} fetching={plan.isFetching} />
      ) : null}
      <section className="panel drill-form">
        <label>
          Reason (kept in the audit log)
          <input value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} />
        </label>
        <label>
          <span>
            Type <code>{cluster || "the cluster's name"}</code> to confirm
          </span>
          <input
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
            required
            autoComplete="off"
            disabled={!chosen}
          />
        </label>
        <div>
          <button
            type="submit"
            className="primary"
            disabled={!plan.data?.allowed || confirm !== cluster || start.isPending}
          >
            Start the drill
          </button>
        </div>
        {start.error ? (
          <p className="form-error" role="alert">
            {start.error.message}
          </p>
        ) : null}
      </section>
    </form>
  );
}

// A drill's plan before it starts: the pre-checks, what each phase will do, and the targets and
// stop conditions it is judged by.
import type { inferRouterOutputs } from "@trpc/server";
import { GuardList } from "@/components/actions/guard-list";
import { bytes, duration } from "@/lib/format";
import type { AppRouter } from "@/server/trpc/root";

type DrillPlan = inferRouterOutputs<AppRouter>["drills"]["plan"];

function JudgedBy({ plan }: { plan: DrillPlan }) {
  const { targets } = plan;
  const stop = plan.params.stopConditions;
  return (
    <p className="muted">
      Judged against RTO target {duration(targets.rtoTargetMs)}, RPO budget {bytes(targets.rpoBudgetBytes)} /{" "}
      {targets.rpoBudgetSeconds} s; detection bound {duration(targets.detectionBoundMs)}. Aborts and restores when a
      healthy node&apos;s error rate passes {(stop.maxErrorRate * 100).toFixed(1)} %, a standby lags over{" "}
      {bytes(stop.maxLagBytes)}, an operator presses Abort, or the global halt goes on.
    </p>
  );
}

export function DrillPlanSection({
  plan,
  error,
  fetching,
}: {
  plan: DrillPlan | undefined;
  error: string | null;
  fetching: boolean;
}) {
  return (
    <section className="panel drill-plan" aria-label="Plan" aria-busy={fetching}>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {plan ? (
        <>
          <p className={plan.allowed ? "verdict verdict-ok" : "verdict verdict-refused"} role="status">
            {plan.allowed ? "✓ Every pre-check passes" : "✗ A pre-check fails: the drill cannot start"}
          </p>
          <GuardList guards={plan.guards} />
          <div>
            <strong>Phases</strong>
            <ol aria-label="Planned phases">
              {Object.entries(plan.params.phaseNotes).map(([name, note]) => (
                <li key={name}>
                  <strong>{name}</strong>: {note}
                </li>
              ))}
            </ol>
          </div>
          <JudgedBy plan={plan} />
        </>
      ) : (
        <p className="muted" aria-busy="true">
          Judging the pre-checks…
        </p>
      )}
    </section>
  );
}

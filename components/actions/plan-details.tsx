// A plan as the dialog shows it: the verdict, each guard (overridable by admins), the steps with
// what undoes them, the loss to accept when acknowledged writes may be lost, and the cooldown to lift.
import type { inferRouterOutputs } from "@trpc/server";
import { ClockTime } from "@/components/ui/clock-time";
import { bytes, duration } from "@/lib/format";
import type { AppRouter } from "@/server/trpc/root";
import { GuardList } from "./guard-list";
import type { PlanHeadline } from "./plan-headline";

type PlanData = inferRouterOutputs<AppRouter>["actions"]["plan"];

const MARK = { ok: "✓", overridden: "⚠", refused: "✗" } as const;

export function PlanDetails({
  plan,
  headline,
  overrides,
  onOverride,
  acceptLoss,
  onAcceptLoss,
  lifting,
  onLiftCooldown,
}: {
  plan: PlanData;
  headline: PlanHeadline;
  overrides: string[];
  onOverride: ((id: string, on: boolean) => void) | undefined;
  acceptLoss: boolean;
  onAcceptLoss: (accept: boolean) => void;
  lifting: boolean;
  onLiftCooldown: () => void;
}) {
  const cooldownFailed = plan.guards.some((g) => g.id === "cooldown" && !g.ok);
  return (
    <>
      <p className={`verdict verdict-${headline.verdict}`} role="status">
        {MARK[headline.verdict]} {headline.text} · about {duration(plan.estimateMs)} in all
      </p>
      <GuardList guards={plan.guards} overrides={overrides} onOverride={onOverride} />
      <ol className="plan-steps" aria-label="Steps">
        {plan.steps.map((step) => (
          <li key={step.name}>
            {step.name} <span className="muted">~{duration(step.estimateMs)}</span>
            {step.rollback.length ? <div className="muted">if it does not: {step.rollback.join(" → ")}</div> : null}
          </li>
        ))}
      </ol>
      {plan.potentialLossBytes !== null ? (
        <label className="accept-loss">
          <span>
            <input type="checkbox" checked={acceptLoss} onChange={(e) => onAcceptLoss(e.target.checked)} /> I accept
            losing up to {bytes(plan.potentialLossBytes)} of acknowledged writes
          </span>
          {plan.lossMoment ? (
            <span className="muted">
              {" "}
              ({bytes(plan.potentialLossBytes)} behind at <ClockTime at={new Date(plan.lossMoment.at)} />, when{" "}
              {plan.lossMoment.primary} was last seen)
            </span>
          ) : null}
        </label>
      ) : null}
      {cooldownFailed ? (
        <button type="button" onClick={onLiftCooldown} disabled={lifting}>
          Lift the cooldown (audited)
        </button>
      ) : null}
    </>
  );
}

// How much of the monthly error budget is used: a bar with the figure in words beside it.
import type { Availability } from "@/lib/status";
import { availability as formatAvailability, minutes } from "../../lib/format";

export function BudgetBar({ value }: { value: Availability }) {
  if (value.percent === null) return <span className="muted">no data yet (target {value.target} %)</span>;
  const used = Math.min(1, value.budgetUsed);
  const tone = value.budgetUsed >= 1 ? "over" : value.budgetUsed >= 0.75 ? "high" : "ok";
  return (
    <div className="budget">
      <div>
        <strong>{formatAvailability(value.percent)}</strong> <span className="muted">target {value.target} %</span>
      </div>
      <div
        className={`budget-bar budget-${tone}`}
        role="img"
        aria-label={`${Math.round(value.budgetUsed * 100)} % of the error budget used`}
      >
        <span style={{ width: `${used * 100}%` }} />
      </div>
      <div className="muted">
        {minutes(value.downMinutes)} down of {minutes(value.budgetMinutes)} budget
        {value.budgetUsed >= 1 ? " — budget spent" : ""}
      </div>
    </div>
  );
}

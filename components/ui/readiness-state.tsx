// A readiness reason's state (pass, warn, fail) by colour, shape and word. Readiness is about the
// next failure, not a current one, so it has a scale of its own: a gauge filled full, half or a
// quarter, in blue to amber, never the shapes or the red of an outage.
import type { ReasonState } from "@/lib/status";

export const READINESS_LABEL: Record<ReasonState, string> = { pass: "Pass", warn: "Warn", fail: "Fail" };

/** The filled part of the gauge: a full disc, the right half, the top-right quarter. */
const FILL: Record<ReasonState, string | null> = {
  pass: null,
  warn: "M6 1A5 5 0 0 1 6 11Z",
  fail: "M6 1A5 5 0 0 1 11 6H6Z",
};

export function ReadinessIcon({ state }: { state: ReasonState }) {
  const fill = FILL[state];
  return (
    <svg width={12} height={12} viewBox="0 0 12 12" aria-hidden="true">
      <circle cx="6" cy="6" r={fill ? 4.75 : 5} fill={fill ? "none" : "currentColor"} stroke="currentColor" />
      {fill ? <path d={fill} fill="currentColor" /> : null}
    </svg>
  );
}

export function ReadinessBadge({ state }: { state: ReasonState }) {
  return (
    <span className={`state readiness-${state}`}>
      <ReadinessIcon state={state} />
      {READINESS_LABEL[state]}
    </span>
  );
}

// A readiness reason's state (pass, warn, fail) by colour, shape and word, like the node states.
import type { ReasonState } from "@/lib/status";

export const READINESS_LABEL: Record<ReasonState, string> = { pass: "Pass", warn: "Warn", fail: "Fail" };

export function ReadinessIcon({ state }: { state: ReasonState }) {
  const common = { width: 12, height: 12, viewBox: "0 0 12 12" } as const;
  if (state === "fail")
    return (
      <svg {...common} aria-hidden="true">
        <path d="M6 0.5 11.5 6 6 11.5 0.5 6Z" fill="currentColor" />
      </svg>
    );
  if (state === "warn")
    return (
      <svg {...common} aria-hidden="true">
        <path d="M6 1 11 11H1Z" fill="currentColor" />
      </svg>
    );
  return (
    <svg {...common} aria-hidden="true">
      <circle cx="6" cy="6" r="5" fill="currentColor" />
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

// A node state shown by colour, shape and word, so it reads without colour vision.
import type { NodeState } from "@/server/db/generated/enums";

const LABEL: Record<NodeState, string> = {
  HEALTHY: "Healthy",
  SUSPECT: "Suspect",
  DOWN: "Down",
  UNKNOWN: "Unknown",
};

function Shape({ state }: { state: NodeState }) {
  const common = { width: 12, height: 12, viewBox: "0 0 12 12" } as const;
  switch (state) {
    case "HEALTHY":
      return (
        <svg {...common} aria-hidden="true">
          <circle cx="6" cy="6" r="5" fill="currentColor" />
        </svg>
      );
    case "SUSPECT":
      return (
        <svg {...common} aria-hidden="true">
          <path d="M6 1 11 11H1Z" fill="currentColor" />
        </svg>
      );
    case "DOWN":
      return (
        <svg {...common} aria-hidden="true">
          <path d="M2 2 10 10M10 2 2 10" stroke="currentColor" strokeWidth="2.5" />
        </svg>
      );
    case "UNKNOWN":
      return (
        <svg {...common} aria-hidden="true">
          <circle cx="6" cy="6" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeDasharray="2 1.5" />
        </svg>
      );
  }
}

export function StateIcon({ state }: { state: NodeState }) {
  return (
    <span className={`state state-${state}`} title={LABEL[state]}>
      <Shape state={state} />
    </span>
  );
}

/** A node that answers while a check fails: shown as degraded, not Healthy, beside its failing check. */
function DegradedBadge() {
  return (
    <span className="state state-DEGRADED">
      <svg width={12} height={12} viewBox="0 0 12 12" aria-hidden="true">
        <path d="M6 1A5 5 0 1 0 11 6H6Z" fill="currentColor" />
      </svg>
      Degraded
    </span>
  );
}

export function StateBadge({
  state,
  count,
  degraded = false,
}: {
  state: NodeState;
  count?: number;
  degraded?: boolean;
}) {
  if (degraded && state === "HEALTHY" && count === undefined) return <DegradedBadge />;
  return (
    <span className={`state state-${state}`}>
      <Shape state={state} />
      {count === undefined ? LABEL[state] : `${count} ${LABEL[state].toLowerCase()}`}
    </span>
  );
}

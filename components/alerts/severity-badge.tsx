// An alert's severity by colour, shape and word, so it reads without colour vision.
import type { Severity } from "@/server/db/generated/enums";

const SHAPE: Record<Severity, string> = {
  CRITICAL: "M2 2 10 10M10 2 2 10",
  WARNING: "M6 1 11 11H1Z",
  INFO: "M6 1a5 5 0 1 0 0.01 0Z",
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  const filled = severity !== "CRITICAL";
  return (
    <span className={`severity severity-${severity}`}>
      <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
        <path
          d={SHAPE[severity]}
          fill={filled ? "currentColor" : "none"}
          stroke={filled ? "none" : "currentColor"}
          strokeWidth="2.5"
        />
      </svg>
      {severity.toLowerCase()}
    </span>
  );
}

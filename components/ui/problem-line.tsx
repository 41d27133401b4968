// The worst problem of a cluster: an icon shape and a word for its severity, then the sentence.
import type { Problem } from "@/lib/status";

const LABEL = { critical: "Critical", warning: "Warning", info: "Note" } as const;

function Icon({ severity }: { severity: Problem["severity"] }) {
  const common = { width: 14, height: 14, viewBox: "0 0 14 14" } as const;
  if (severity === "critical")
    return (
      <svg {...common} aria-hidden="true">
        <path d="M7 1 13 7 7 13 1 7Z" fill="currentColor" />
      </svg>
    );
  if (severity === "warning")
    return (
      <svg {...common} aria-hidden="true">
        <path d="M7 1 13 13H1Z" fill="currentColor" />
      </svg>
    );
  return (
    <svg {...common} aria-hidden="true">
      <circle cx="7" cy="7" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

export function ProblemLine({ problem }: { problem: Problem | null }) {
  if (!problem) return <span className="problem problem-none">No problem</span>;
  return (
    <span className={`problem problem-${problem.severity}`}>
      <Icon severity={problem.severity} />
      <span>
        <span className="problem-label">{LABEL[problem.severity]}:</span> {problem.text}
      </span>
    </span>
  );
}

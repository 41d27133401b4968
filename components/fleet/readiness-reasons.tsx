// Each reason behind a readiness score: its state, what it judges, and the sentence with figures.
import type { ReadinessReason, ReasonId } from "@/lib/status";
import { ReadinessBadge } from "@/components/ui/readiness-state";

const TITLE: Record<ReasonId, string> = {
  "last-drill": "Last drill",
  "standby-capacity": "Standby capacity",
  "lag-vs-rpo": "Lag vs RPO, 24 h",
  "detection-vs-rto": "Detection vs RTO",
  webhooks: "Webhooks",
};

export function ReadinessReasons({ reasons }: { reasons: ReadinessReason[] }) {
  return (
    <ul className="readiness-reasons">
      {reasons.map((reason) => (
        <li key={reason.id} data-reason={reason.id}>
          <ReadinessBadge state={reason.state} />
          <span className="readiness-reason-title">{TITLE[reason.id]}</span>
          <span className="readiness-reason-text">{reason.text}</span>
        </li>
      ))}
    </ul>
  );
}

/** The reasons as one line each, for a hover title. */
export const reasonsInWords = (reasons: ReadinessReason[]) =>
  reasons.map((r) => `${r.state}: ${TITLE[r.id]}: ${r.text}`).join("\n");

// The cluster's recent events, newest first: when (relative, exact on hover), how bad, what (its
// nodes and action linked by name), and whether a drill raised it.
import type { Severity } from "@/server/db/generated/enums";
import Link from "next/link";
import { LinkedText } from "@/components/ui/linked-text";
import { RelativeTime } from "@/components/ui/relative-time";
import type { Ref } from "@/lib/links";

const SEVERITY: Record<Severity, string> = { CRITICAL: "critical", WARNING: "warning", INFO: "info" };

export interface EventItem {
  id: bigint | number | string;
  at: Date;
  type: string;
  severity: Severity;
  summary: string;
  /** Set when a drill's fault raised it: drill traffic, not a real incident. */
  drillId?: string | null;
  /** What its words name, linked. */
  refs: Ref[];
}

export function EventsList({ events, now }: { events: EventItem[]; now: number }) {
  return (
    <ol className="panel events" aria-label="Recent events">
      {events.map((event) => (
        <li key={String(event.id)} className={`event problem-${SEVERITY[event.severity]}`}>
          <span className="event-time">
            <RelativeTime at={event.at} now={now} />
          </span>
          <span className="event-severity">{SEVERITY[event.severity]}</span>
          <span className="event-summary">
            {event.drillId ? (
              <Link href={`/drills/${event.drillId}`} className="tag drill-tag" title="Raised by a drill's own fault">
                drill
              </Link>
            ) : null}
            <LinkedText text={event.summary} refs={event.refs} />
          </span>
          <code className="muted">{event.type}</code>
        </li>
      ))}
    </ol>
  );
}

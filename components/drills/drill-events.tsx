// The events a drill's fault raised, timed from the drill's start like its phases and timeline; the
// nodes and the failover they name link to where those live.
import { LinkedText } from "@/components/ui/linked-text";
import type { Ref } from "@/lib/links";
import type { DrillDocument } from "@/server/drills/read";
import { sinceStart } from "./drill-clock";

const SEVERITY = { INFO: "info", WARNING: "warning", CRITICAL: "critical" } as const;

export function DrillEvents({
  events,
  origin,
  refs,
}: {
  events: DrillDocument["events"];
  origin: number;
  refs: Ref[];
}) {
  return events.length ? (
    <ol className="panel events" aria-label="Drill events">
      {events.map((e) => (
        <li key={e.id} className={`event problem-${SEVERITY[e.severity]}`}>
          <span className="event-time">{sinceStart(origin, e.at)}</span>
          <span className="event-severity">{SEVERITY[e.severity]}</span>
          <span className="event-summary">
            <LinkedText text={e.summary} refs={refs} />
          </span>
          <code className="muted">{e.type}</code>
        </li>
      ))}
    </ol>
  ) : (
    <p className="panel muted empty-line">No event yet: the drill&apos;s events appear here once its fault is in.</p>
  );
}

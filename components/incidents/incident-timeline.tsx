// An incident's timeline: every entry timed from the incident's start (the clock time on hover),
// marked by kind and severity in words, its words linking the action, cluster and nodes they name.
import { LinkedText } from "@/components/ui/linked-text";
import { duration } from "@/lib/format";
import { timeTitle } from "@/lib/time";
import type { IncidentDetail } from "@/server/incidents/read";

type Item = IncidentDetail["timeline"][number];

const KIND: Record<Item["kind"], string> = { event: "event", action: "action", "alert-sent": "alert sent", ack: "ack" };
const SEVERITY = { INFO: "info", WARNING: "warning", CRITICAL: "critical" } as const;

const offset = (ms: number) => (ms < 0 ? `−${duration(-ms)}` : `+${duration(ms)}`);

export function IncidentTimeline({ items }: { items: Item[] }) {
  return (
    <ol className="panel events incident-timeline" aria-label="Timeline">
      {items.map((item, i) => {
        const at = new Date(item.at);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: entries of one incident in a fixed order; two may share a time
          <li key={i} className={`event problem-${SEVERITY[item.severity]} timeline-${item.kind}`}>
            <time className="event-time" dateTime={at.toISOString()} title={timeTitle(at)} suppressHydrationWarning>
              {offset(item.offsetMs)}
            </time>
            <span className="event-severity">{SEVERITY[item.severity]}</span>
            <span className={`tag timeline-kind kind-${item.kind}`}>{KIND[item.kind]}</span>
            <span className="event-summary">
              <LinkedText text={item.text} refs={item.refs} />
            </span>
            <code className="muted">{item.code}</code>
          </li>
        );
      })}
    </ol>
  );
}

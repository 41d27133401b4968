// Outages from a cluster's events, pure: an incident opens at the first sign of trouble (a node
// suspect, down, confirmed down or isolated; split-brain) while none is open, and ends when every
// condition opened during it has resolved (each node answering again, one primary again).
import type { Severity } from "../db/generated/enums.ts";

export interface ConditionEvent {
  id: bigint;
  at: Date;
  type: string;
  severity: Severity;
  summary: string;
  nodeId: string | null;
  drillId: string | null;
}

/** Per node, or one for the cluster: a node that is suspect, then down, is one condition until it answers. */
const OPENS: Record<string, "node" | "cluster"> = {
  "node.suspect": "node",
  "node.down": "node",
  "node.confirmed_down": "node",
  "node.isolated": "node",
  split_brain: "cluster",
};
const RESOLVES: Record<string, "node" | "cluster"> = {
  "node.healthy": "node",
  "node.recovered": "node",
  "split_brain.resolved": "cluster",
};

export const INCIDENT_OPENING_TYPES = Object.keys(OPENS);
export const INCIDENT_EVENT_TYPES = [...INCIDENT_OPENING_TYPES, ...Object.keys(RESOLVES)];

export interface IncidentSpan {
  /** The id of the event that opened it: stable, so a link to it holds. */
  id: string;
  start: Date;
  end: Date | null;
  /** The condition events from its start to its end, in order. */
  events: ConditionEvent[];
}

const keyOf = (scope: "node" | "cluster", event: ConditionEvent) =>
  scope === "cluster" ? "cluster" : `node:${event.nodeId}`;

/** The incidents in events sorted by time (then id); the last one has no end while it lasts. */
export function incidentSpans(events: ConditionEvent[]): IncidentSpan[] {
  const spans: IncidentSpan[] = [];
  const open = new Set<string>();
  let current: IncidentSpan | null = null;
  for (const event of events) {
    const opens = OPENS[event.type];
    const resolves = RESOLVES[event.type];
    if (opens) {
      current ??= { id: String(event.id), start: event.at, end: null, events: [] };
      current.events.push(event);
      open.add(keyOf(opens, event));
    } else if (resolves && current && open.delete(keyOf(resolves, event))) {
      current.events.push(event);
      if (open.size === 0) {
        spans.push({ ...current, end: event.at });
        current = null;
      }
    }
  }
  if (current) spans.push(current);
  return spans;
}

const SEVERITY_RANK: Record<Severity, number> = { INFO: 0, WARNING: 10, CRITICAL: 20 };
/** Within one severity, a node down says more than one suspect (an active node's loss is only a warning). */
const TYPE_RANK: Record<string, number> = {
  "node.down": 2,
  "node.confirmed_down": 2,
  split_brain: 2,
  "node.isolated": 1,
};
const rank = (e: ConditionEvent) => SEVERITY_RANK[e.severity] + (TYPE_RANK[e.type] ?? 0);

/** The incident in a few words: the first of its worst events, up to its why ("orders-db-1 (primary) is down"). */
export function incidentTitle(span: IncidentSpan): string {
  const worst = span.events.reduce((a, b) => (rank(b) > rank(a) ? b : a), span.events[0]!);
  return worst.summary.split(": ")[0]!;
}

export interface PrimaryLoss {
  nodeId: string | null;
  from: Date;
  to: Date | null;
  ms: number;
}

/**
 * The time without a writable primary: from the first sign of trouble of the node whose loss was
 * critical (a primary down) to the first of its recovery or a promotion after it; null when no
 * primary was lost. `until` closes a loss that lasts.
 */
export function primaryLoss(span: IncidentSpan, promotions: Date[], until: Date): PrimaryLoss | null {
  const lost = span.events.find(
    (e) => (e.type === "node.down" || e.type === "node.confirmed_down") && e.severity === "CRITICAL",
  );
  if (!lost) return null;
  const from = span.events.find((e) => e.nodeId === lost.nodeId && OPENS[e.type])!.at;
  const back = span.events.find((e) => e.nodeId === lost.nodeId && RESOLVES[e.type] && e.at >= from)?.at;
  const promoted = promotions.filter((at) => at >= from).sort((a, b) => a.getTime() - b.getTime())[0];
  const ends = [back, promoted].filter((at): at is Date => !!at);
  const to = ends.length ? new Date(Math.min(...ends.map((at) => at.getTime()))) : null;
  return { nodeId: lost.nodeId, from, to, ms: (to ?? until).getTime() - from.getTime() };
}

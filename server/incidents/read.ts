// Incidents read from the store: a cluster's, newest first, and one with its whole timeline. Derived
// from the events each time (nothing is stored), so they follow retention like the events do.
import type { Db } from "../db/client.ts";
import { drillRefs } from "../history/refs.ts";
import {
  type ConditionEvent,
  INCIDENT_EVENT_TYPES,
  type IncidentSpan,
  incidentSpans,
  incidentTitle,
  primaryLoss,
} from "./derive.ts";
import { incidentParts } from "./parts.ts";
import { buildTimeline } from "./timeline.ts";

const DAY = 86_400_000;
/** How far back a cluster's incidents are listed, and how far before an event its incident may start. */
const LOOKBACK_DAYS = 30;
const MAX_CONDITION_EVENTS = 5_000;

const CONDITION_SELECT = {
  id: true,
  at: true,
  type: true,
  severity: true,
  summary: true,
  nodeId: true,
  drillId: true,
} as const;

async function spansOf(db: Db, clusterId: string, from: Date): Promise<IncidentSpan[]> {
  const newest: ConditionEvent[] = await db.event.findMany({
    where: { clusterId, type: { in: INCIDENT_EVENT_TYPES }, at: { gte: from } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: MAX_CONDITION_EVENTS,
    select: CONDITION_SELECT,
  });
  return incidentSpans(newest.reverse());
}

const summaryOf = (span: IncidentSpan, now: Date) => ({
  id: span.id,
  title: incidentTitle(span),
  start: span.start,
  end: span.end,
  durationMs: (span.end ?? now).getTime() - span.start.getTime(),
  drillId: span.events[0]?.drillId ?? null,
});

/** A cluster's incidents of the last 30 days, newest first; null for an unknown cluster. */
export async function listIncidents(db: Db, clusterName: string, limit: number, now = new Date()) {
  const cluster = await db.cluster.findUnique({ where: { name: clusterName }, select: { id: true } });
  if (!cluster) return null;
  const spans = await spansOf(db, cluster.id, new Date(now.getTime() - LOOKBACK_DAYS * DAY));
  return spans
    .reverse()
    .slice(0, limit)
    .map((span) => summaryOf(span, now));
}

export type IncidentSummary = NonNullable<Awaited<ReturnType<typeof listIncidents>>>[number];

/** The incident an event belongs to (its opening event's id is the incident's), with its timeline. */
export async function incidentDetail(db: Db, eventId: bigint, now = new Date()) {
  const event = await db.event.findUnique({
    where: { id: eventId },
    select: { at: true, cluster: { select: { id: true, name: true, mode: true } } },
  });
  if (!event?.cluster) return null;
  const { cluster } = event;
  const spans = await spansOf(db, cluster.id, new Date(event.at.getTime() - LOOKBACK_DAYS * DAY));
  const span = spans.find((s) => s.start <= event.at && (!s.end || event.at <= s.end));
  if (!span) return null;
  const until = span.end ?? now;
  const parts = await incidentParts(db, { id: cluster.id, name: cluster.name }, span.start, until);
  const loss = primaryLoss(span, parts.promotions, until);
  const drills = await drillRefs(db, [span.events[0]?.drillId]);
  return {
    ...summaryOf(span, now),
    cluster: cluster.name,
    mode: cluster.mode === "ACTIVE_PASSIVE" ? ("active-passive" as const) : ("active-active" as const),
    drill: drills.get(span.events[0]?.drillId ?? "") ?? null,
    impact: loss
      ? { ms: loss.ms, from: loss.from, to: loss.to, node: parts.nodeNames.get(loss.nodeId ?? "") ?? null }
      : null,
    timeline: buildTimeline(span.start, parts),
  };
}

export type IncidentDetail = NonNullable<Awaited<ReturnType<typeof incidentDetail>>>;

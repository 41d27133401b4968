// What happened on a cluster between two moments, read for an incident's timeline: its events, the
// actions asked for (and when a promotion gave it a writable primary), the webhook deliveries of
// those events and the acknowledgements of its alerts.
import { actionLabel, apiType } from "../actions/names.ts";
import { endpointName } from "../alerts/endpoint-name.ts";
import type { Db } from "../db/client.ts";
import { withEventRefs } from "../history/event-refs.ts";
import { clusterRefs } from "../history/refs.ts";
import { actionHref } from "../../lib/links.ts";
import type { TimelineParts } from "./timeline.ts";

/** A timeline of a long outage stays readable: the first of each kind, in order. */
const MAX_ROWS = 1_000;

export async function incidentParts(db: Db, cluster: { id: string; name: string }, start: Date, until: Date) {
  const during = { gte: start, lte: until };
  const [rawEvents, actions, acks, named, nodes] = await Promise.all([
    db.event.findMany({
      where: { clusterId: cluster.id, at: during },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      take: MAX_ROWS,
      select: { id: true, at: true, type: true, severity: true, summary: true, details: true },
    }),
    db.action.findMany({
      where: { clusterId: cluster.id, OR: [{ createdAt: during }, { finishedAt: during }] },
      orderBy: { createdAt: "asc" },
      take: MAX_ROWS,
      select: {
        id: true,
        type: true,
        targetNode: true,
        reason: true,
        automatic: true,
        createdAt: true,
        requestedBy: { select: { email: true } },
        steps: { where: { name: { startsWith: "promote " }, status: "SUCCEEDED" }, select: { finishedAt: true } },
      },
    }),
    db.alert.findMany({
      where: { clusterId: cluster.id, acknowledgedAt: during },
      orderBy: { acknowledgedAt: "asc" },
      take: MAX_ROWS,
      select: { type: true, acknowledgedBy: true, acknowledgedAt: true, note: true, node: { select: { name: true } } },
    }),
    clusterRefs(db, [cluster.name]),
    db.node.findMany({ where: { clusterId: cluster.id }, select: { id: true, name: true } }),
  ]);
  const deliveries = await db.webhookDelivery.findMany({
    where: { eventId: { in: rawEvents.map((e) => e.id) } },
    orderBy: { createdAt: "asc" },
    take: MAX_ROWS,
    select: {
      status: true,
      attemptCount: true,
      createdAt: true,
      event: { select: { type: true } },
      endpoint: { select: { url: true, description: true } },
      attempts: { orderBy: { at: "desc" }, take: 1, select: { at: true, statusCode: true } },
    },
  });
  const refs = named.get(cluster.name) ?? [];
  const parts: TimelineParts = {
    events: await withEventRefs(db, cluster.name, rawEvents),
    actions: actions.map((a) => ({
      ref: { label: actionLabel(apiType(a.type), cluster.name, a.targetNode), href: actionHref(a.id) },
      createdAt: a.createdAt,
      requestedBy: a.automatic ? "the automatic policy" : (a.requestedBy?.email ?? "system"),
      reason: a.reason,
      refs,
    })),
    deliveries: deliveries.map((d) => ({
      at: d.attempts[0]?.at ?? d.createdAt,
      eventType: d.event.type,
      endpoint: endpointName(d.endpoint),
      status: d.status,
      attempts: d.attemptCount,
      statusCode: d.attempts[0]?.statusCode ?? null,
    })),
    acks: acks.map((a) => ({
      at: a.acknowledgedAt!,
      by: a.acknowledgedBy ?? "a removed user",
      type: a.type,
      where: a.node ? `${cluster.name}/${a.node.name}` : cluster.name,
      note: a.note,
      refs,
    })),
  };
  const promotions = actions.flatMap((a) => a.steps.flatMap((s) => (s.finishedAt ? [s.finishedAt] : [])));
  return { ...parts, promotions, nodeNames: new Map(nodes.map((n) => [n.id, n.name])) };
}

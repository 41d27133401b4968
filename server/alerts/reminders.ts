// Repeat intervals: an alert that is still open (a node down or degraded, lag over, split-brain, imbalance)
// is sent again every `alertRepeatMinutes`, as the same event type marked as a repeat, so nobody
// forgets it and nothing storms: one reminder per interval per condition. An acknowledged alert is
// not reminded of until its condition resolves (its next opening is a new alert).
import { EVENT_TYPES, type EventSpec, type EventType } from "../../lib/events.ts";
import type { Db } from "../db/client.ts";
import { duration } from "../../lib/format.ts";
import { recordEvent } from "../events/record.ts";

interface Condition {
  type: EventType;
  nodeId: string | null;
}

const openIf = (open: boolean, type: EventType, nodeId: string | null): Condition[] => (open ? [{ type, nodeId }] : []);

/** An open alert of the same node and resolving type carries the acknowledgement, whatever its latest type. */
function acknowledged(alerts: { nodeId: string | null; resolvedBy: string }[], condition: Condition) {
  const spec: EventSpec = EVENT_TYPES[condition.type];
  const resolvedBy = spec.condition?.resolvedBy;
  return alerts.some((a) => a.nodeId === condition.nodeId && a.resolvedBy === resolvedBy);
}

export async function remindOpenAlerts(db: Db, now = Date.now()) {
  const clusters = await db.cluster.findMany({
    where: { alertRepeatMinutes: { not: null } },
    select: {
      id: true,
      alertRepeatMinutes: true,
      splitBrain: true,
      imbalanced: true,
      nodes: {
        where: { OR: [{ state: "DOWN" }, { lagOver: true }, { degraded: true }] },
        select: { id: true, state: true, isolated: true, lagOver: true, degraded: true },
      },
      alerts: {
        where: { resolvedAt: null, acknowledgedAt: { not: null } },
        select: { nodeId: true, resolvedBy: true },
      },
    },
  });
  let sent = 0;
  for (const cluster of clusters) {
    const open: Condition[] = [
      ...openIf(cluster.splitBrain, "split_brain", null),
      ...openIf(cluster.imbalanced, "traffic.imbalance", null),
      ...cluster.nodes.flatMap((n) => [
        ...openIf(n.state === "DOWN", n.isolated ? "node.isolated" : "node.down", n.id),
        ...openIf(n.lagOver, "lag.over", n.id),
        // A node that went down is reminded of as down; its service's state is unknown until it answers.
        ...openIf(n.degraded && n.state !== "DOWN", "node.degraded", n.id),
      ]),
    ];
    const repeatMs = cluster.alertRepeatMinutes! * 60_000;
    for (const condition of open) {
      if (acknowledged(cluster.alerts, condition)) continue;
      const last = await db.event.findFirst({
        where: { clusterId: cluster.id, nodeId: condition.nodeId, type: condition.type },
        orderBy: { at: "desc" },
        select: { at: true, severity: true, summary: true, details: true },
      });
      if (!last || now - last.at.getTime() < repeatMs) continue;
      const details = last.details as { openSince?: string };
      const openSince = details.openSince ?? last.at.toISOString();
      const base = last.summary.replace(/ \(still open after .*\)$/, "");
      await recordEvent(db, {
        at: new Date(now),
        type: condition.type,
        severity: last.severity,
        clusterId: cluster.id,
        nodeId: condition.nodeId,
        summary: `${base} (still open after ${duration(now - new Date(openSince).getTime())})`,
        details: { ...(last.details as object), repeat: true, openSince },
      });
      sent++;
    }
  }
  return sent;
}

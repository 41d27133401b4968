// Inhibition ends: a lag alert held back while its cluster's primary was down is sent once the
// primary is back or replaced and the lag is still over, as Alertmanager sends an inhibited alert
// when the inhibiting one resolves. Without this, a receiver that never got the lag.over would hear
// only its lag.under, or nothing, about a standby still behind.
import type { Prisma } from "../db/generated/client.ts";
import type { Db } from "../db/client.ts";
import { recordEvent } from "../events/record.ts";
import { clustersWithPrimaryDown, HELD_BACK_TYPES } from "./held-back.ts";

type HeldType = "lag.over";

/** Whether a node of the cluster had a down alert open when `at` came: the primary that held it back. */
const downAt = (db: Db, clusterId: string, at: Date) =>
  db.alert.count({
    where: {
      clusterId,
      resolvedBy: "node.recovered",
      openedAt: { lte: at },
      OR: [{ resolvedAt: null }, { resolvedAt: { gte: at } }],
    },
  });

const silencedAt = (db: Db, clusterId: string, at: Date) =>
  db.silence.count({ where: { clusterId, startsAt: { lte: at }, endsAt: { gt: at } } });

/** Sends each held-back alert once; returns how many. */
export async function releaseHeldBack(db: Db, now = Date.now()): Promise<number> {
  const down = [...(await clustersWithPrimaryDown(db))];
  const alerts = await db.alert.findMany({
    where: { type: { in: [...HELD_BACK_TYPES] }, resolvedAt: null, clusterId: { notIn: down } },
    select: { type: true, severity: true, clusterId: true, nodeId: true, openedAt: true, cluster: true },
  });
  let released = 0;
  for (const alert of alerts) {
    const type = alert.type as HeldType;
    if (!alert.cluster.alertEvents.some((t) => t === "*" || t === type)) continue;
    const events = await db.event.findMany({
      where: { clusterId: alert.clusterId, nodeId: alert.nodeId, type, at: { gte: alert.openedAt } },
      orderBy: { at: "asc" },
      select: { summary: true, details: true, _count: { select: { deliveries: true } } },
    });
    const first = events[0];
    const sentOrReleased = events.some((e) => e._count.deliveries > 0 || isReleased(e.details));
    if (!first || sentOrReleased) continue;
    const takers = await db.webhookEndpoint.count({
      where: { enabled: true, OR: [{ events: { has: "*" } }, { events: { has: type } }] },
    });
    const heldBack = (await downAt(db, alert.clusterId, alert.openedAt)) > 0;
    if (!takers || !heldBack || (await silencedAt(db, alert.clusterId, alert.openedAt))) continue;
    await recordEvent(db, {
      at: new Date(now),
      type,
      severity: alert.severity,
      clusterId: alert.clusterId,
      nodeId: alert.nodeId,
      summary: `${first.summary} (held back while the primary was down; still over)`,
      details: { ...(first.details as Prisma.JsonObject), released: true, openSince: alert.openedAt.toISOString() },
    });
    released++;
  }
  return released;
}

const isReleased = (details: Prisma.JsonValue) =>
  typeof details === "object" && details !== null && !Array.isArray(details) && details.released === true;

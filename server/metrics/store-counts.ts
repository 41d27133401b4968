// The counts GET /metrics reads besides the fleet, each one grouped query: finished actions and
// judged drills (kept for good: their counts only grow), open alerts, webhook deliveries (ended
// ones from the trigger-kept counts, which retention never lowers; waiting ones from the outbox),
// and who leads, from the lease row and the leader's record.
import type { Db } from "../db/client.ts";
import { readLeaderRecord } from "../control/leader-record.ts";

const FINISHED = ["SUCCEEDED", "FAILED", "ABORTED"] as const;

export async function actionCounts(db: Db) {
  const rows = await db.action.groupBy({
    by: ["clusterId", "type", "status"],
    where: { status: { in: [...FINISHED] } },
    _count: { _all: true },
  });
  return rows.map((row) => ({ clusterId: row.clusterId, type: row.type, status: row.status, n: row._count._all }));
}

export async function drillCounts(db: Db) {
  const rows = await db.drill.groupBy({
    by: ["clusterId", "scenario", "verdict"],
    where: { verdict: { not: null } },
    _count: { _all: true },
  });
  return rows.map((row) => ({ ...row, verdict: row.verdict!, n: row._count._all }));
}

export async function openAlertCounts(db: Db) {
  const rows = await db.alert.groupBy({
    by: ["clusterId", "severity"],
    where: { resolvedAt: null },
    _count: { _all: true },
  });
  return rows.map((row) => ({ clusterId: row.clusterId, severity: row.severity, n: row._count._all }));
}

export async function webhookCounts(db: Db) {
  const [endpoints, ended, waiting] = await Promise.all([
    db.webhookEndpoint.findMany({
      orderBy: { createdAt: "asc" },
      select: { id: true, url: true, description: true, enabled: true },
    }),
    db.webhookDeliveryCount.findMany({ select: { endpointId: true, status: true, count: true } }),
    // Pending deliveries are few (the outbox's backlog) and found by the status index.
    db.$queryRaw<{ endpointId: string; pending: number; retrying: number }[]>`
      SELECT "endpointId", count(*)::int AS pending, count(*) FILTER (WHERE "attemptCount" > 0)::int AS retrying
      FROM webhook_delivery WHERE status = 'PENDING' GROUP BY 1`,
  ]);
  return { endpoints, ended, waiting };
}

export async function leadership(db: Db) {
  const [leases, record] = await Promise.all([
    db.$queryRaw<{ holder: string; epoch: bigint; live: boolean }[]>`
      SELECT holder, epoch, "expiresAt" > now() AS live FROM leader_lease WHERE id = 1`,
    readLeaderRecord(db),
  ]);
  return { lease: leases[0] ?? null, record };
}

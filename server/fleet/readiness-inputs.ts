// Gathers what judgeReadiness needs for many clusters at once, so the overview stays a handful of
// queries: the caller reads its cluster rows with these selects, and three more queries cover the
// whole fleet (last passed drill, the day's worst lag, webhook endpoints with their last attempt).
// They need no cluster rows, so callers run them alongside their own reads.
import { endpointName } from "../alerts/endpoint-name.ts";
import type { Db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { andInScope, type ClusterScope } from "./cluster-scope.ts";
import { nodeFigures } from "../guards/node-figures.ts";
import { apiMode } from "./api-names.ts";
import type { Readiness } from "../../lib/status.ts";
import { judgeReadiness, type ReadinessNode, type WebhookEndpointReach } from "./readiness.ts";

const DAY_MS = 86_400_000;

export const READINESS_CLUSTER_SELECT = {
  id: true,
  mode: true,
  intervalMs: true,
  timeoutMs: true,
  failureThreshold: true,
  rpoBudgetBytes: true,
  rpoBudgetSeconds: true,
  rtoTargetMs: true,
  alertEvents: true,
} as const;

export const READINESS_NODE_SELECT = {
  id: true,
  name: true,
  role: true,
  state: true,
  fenced: true,
  paused: true,
  replicationMode: true,
  trafficState: true,
  lastStatus: true,
} as const;

type ClusterRow = Prisma.ClusterGetPayload<{ select: typeof READINESS_CLUSTER_SELECT }> & { nodes: ReadinessNode[] };

/** Reads the facts once; the function it returns judges any cluster of the scope. */
export async function loadReadiness(
  db: Db,
  scope: ClusterScope,
  now = Date.now(),
): Promise<(cluster: ClusterRow) => Readiness> {
  const since = new Date(now - DAY_MS);
  const [drills, lags, endpoints] = await Promise.all([
    db.drill.groupBy({
      by: ["clusterId"],
      where: { ...(scope === "fleet" ? {} : { clusterId: { in: scope } }), verdict: "PASS", finishedAt: { not: null } },
      _max: { finishedAt: true },
    }),
    dayLagByCluster(db, scope, since),
    webhookEndpoints(db, since),
  ]);
  const lastPassed = new Map(drills.map((d) => [d.clusterId, d._max.finishedAt?.getTime() ?? null]));
  return (cluster) =>
    judgeReadiness({
      mode: apiMode(cluster.mode),
      now,
      lastPassedDrillAt: lastPassed.get(cluster.id) ?? null,
      nodes: cluster.nodes,
      rpoBudgetBytes: Number(cluster.rpoBudgetBytes),
      rpoBudgetSeconds: cluster.rpoBudgetSeconds,
      dayLag: lags.get(cluster.id) ?? { bytes: null, seconds: null },
      intervalMs: cluster.intervalMs,
      timeoutMs: cluster.timeoutMs,
      failureThreshold: cluster.failureThreshold,
      rtoTargetMs: cluster.rtoTargetMs,
      alertEvents: cluster.alertEvents,
      endpoints,
    });
}

/** A node as readiness judges it, from a row read with READINESS_NODE_SELECT. */
export function readinessNode(node: Prisma.NodeGetPayload<{ select: typeof READINESS_NODE_SELECT }>): ReadinessNode {
  return {
    name: node.name,
    role: node.role,
    state: node.state,
    fenced: node.fenced,
    paused: node.paused,
    ...nodeFigures(node),
  };
}

/** Only nodes that report lag have rows here (standbys), read off the partial index that covers them. */
async function dayLagByCluster(db: Db, scope: ClusterScope, since: Date) {
  const rows = await db.$queryRaw<{ clusterId: string; bytes: number | null; seconds: number | null }[]>`
    SELECT n."clusterId", max(r."lagBytesMax")::float8 AS bytes, max(r."lagSecondsMax")::float8 AS seconds
    FROM sample_rollup_hour r JOIN node n ON n.id = r."nodeId"
    WHERE r.hour >= date_trunc('hour', ${since}::timestamptz)
      AND (r."lagBytesMax" IS NOT NULL OR r."lagSecondsMax" IS NOT NULL)
      ${andInScope(scope, 'n."clusterId"')}
    GROUP BY 1`;
  return new Map(rows.map(({ clusterId, ...lag }) => [clusterId, lag]));
}

/** Every endpoint with the outcome of its last attempted delivery of the day (a retry pending counts as failing). */
async function webhookEndpoints(db: Db, since: Date): Promise<WebhookEndpointReach[]> {
  const rows = await db.$queryRaw<
    { url: string; description: string; enabled: boolean; events: string[]; status: string | null }[]
  >`
    SELECT e.url, e.description, e.enabled, e.events, d.status::text AS status
    FROM webhook_endpoint e
    LEFT JOIN LATERAL (
      SELECT status FROM webhook_delivery
      WHERE "endpointId" = e.id AND "createdAt" >= ${since} AND "attemptCount" > 0
      ORDER BY "createdAt" DESC LIMIT 1) d ON true
    ORDER BY e."createdAt"`;
  return rows.map((row) => ({
    name: endpointName(row),
    enabled: row.enabled,
    events: row.events,
    lastAttempt: row.status === null ? null : row.status === "SUCCEEDED" ? "succeeded" : "failing",
  }));
}

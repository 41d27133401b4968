// Availability over the last 30 days against the cluster's target, from the hourly uptime rollups:
// a minute counts as up by the share of it in which some node served healthy (a primary, or any
// active node). Minutes the console did not observe are left out, not counted as up.
import type { Availability } from "../../lib/status.ts";
import type { Db } from "../db/client.ts";
import { andInScope, type ClusterScope } from "./cluster-scope.ts";

export const WINDOW_DAYS = 30;

export function availabilityOf(target: number, observedMinutes: number, upMinutes: number): Availability {
  const budgetMinutes = (1 - target / 100) * WINDOW_DAYS * 24 * 60;
  const downMinutes = Math.max(0, observedMinutes - upMinutes);
  return {
    percent: observedMinutes > 0 ? (100 * upMinutes) / observedMinutes : null,
    target,
    observedMinutes,
    downMinutes,
    budgetMinutes,
    budgetUsed: budgetMinutes > 0 ? downMinutes / budgetMinutes : downMinutes > 0 ? Infinity : 0,
  };
}

/** Observed and up minutes per cluster id, from the hourly uptime rollups. */
export async function uptimeMinutes(
  db: Db,
  scope: ClusterScope,
  now = Date.now(),
): Promise<Map<string, { observed: number; up: number }>> {
  const rows = await db.$queryRaw<{ clusterId: string; observed: number; up: number }[]>`
    SELECT "clusterId", sum("observedMinutes")::int AS observed, coalesce(sum("upMinutes"), 0)::float8 AS up
    FROM cluster_uptime_hour WHERE hour >= ${new Date(now - WINDOW_DAYS * 24 * 3_600_000)}
      ${andInScope(scope, '"clusterId"')}
    GROUP BY 1`;
  return new Map(rows.map((row) => [row.clusterId, { observed: row.observed, up: row.up }]));
}

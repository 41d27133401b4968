// Availability over the last 30 days against the cluster's target, from the per-minute rollups:
// a minute counts as up by the share of it in which some node served healthy (a primary, or any
// active node). Minutes the console did not observe are left out, not counted as up.
import type { Db } from "../db/client.ts";

export const WINDOW_DAYS = 30;
const CACHE_MS = 30_000;

export interface Availability {
  percent: number | null;
  target: number;
  observedMinutes: number;
  downMinutes: number;
  budgetMinutes: number;
  /** Share of the error budget used, 0..1 (and beyond when it is blown). */
  budgetUsed: number;
}

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

let cached: { at: number; minutes: Map<string, { observed: number; up: number }> } | undefined;

/** Observed and up minutes per cluster id; recomputed at most every 30 s per process. */
export async function uptimeMinutes(db: Db, now = Date.now()): Promise<Map<string, { observed: number; up: number }>> {
  if (cached && now - cached.at < CACHE_MS) return cached.minutes;
  const rows = await db.$queryRaw<{ clusterId: string; observed: number; up: number }[]>`
    WITH per_minute AS (
      SELECT n."clusterId", r.minute, max(r."servingSamples"::float8 / GREATEST(r.samples, 1)) AS up
      FROM sample_rollup r JOIN node n ON n.id = r."nodeId"
      WHERE r.minute >= ${new Date(now - WINDOW_DAYS * 24 * 3_600_000)}
      GROUP BY 1, 2)
    SELECT "clusterId", count(*)::int AS observed, coalesce(sum(up), 0)::float8 AS up FROM per_minute GROUP BY 1`;
  const minutes = new Map(rows.map((row) => [row.clusterId, { observed: row.observed, up: row.up }]));
  cached = { at: now, minutes };
  return minutes;
}

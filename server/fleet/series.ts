// Chart data for a cluster over a named range or a zoomed span: buckets of raw samples for short
// spans, of the per-minute rollups for about a day and of the hourly ones beyond (series-window.ts),
// so no chart reads more than a few thousand rows per node. Shaped for the charts: one row per
// bucket with a column per node.
import type { Db } from "../db/client.ts";
import type { NodeState } from "../db/generated/enums.ts";
import { type SeriesSpan, seriesWindow } from "./series-window.ts";

interface BucketRow {
  node: string;
  t: Date;
  lagBytes: number | null;
  lagSeconds: number | null;
  rps: number | null;
  latencyMs: number | null;
  worst: number;
}

const STATES: NodeState[] = ["DOWN", "SUSPECT", "UNKNOWN", "HEALTHY"];
const RANK = `CASE %s WHEN 'DOWN' THEN 0 WHEN 'SUSPECT' THEN 1 WHEN 'UNKNOWN' THEN 2 ELSE 3 END`;

type Row = { t: number } & Record<string, number | null>;

export async function clusterSeries(db: Db, clusterName: string, span: SeriesSpan, now = Date.now()) {
  const window = seriesWindow(span, now);
  const { bucketMs, source } = window;
  const from = new Date(window.from);
  const to = new Date(window.to);
  const bucket = `${bucketMs / 1000} seconds`;
  const rows =
    source === "raw"
      ? await db.$queryRawUnsafe<BucketRow[]>(
          `SELECT n.name AS node, date_bin($3::interval, s.at, TIMESTAMPTZ '2000-01-01') AS t,
             max(s."lagBytes")::float8 AS "lagBytes", max(s."lagSeconds")::float8 AS "lagSeconds",
             avg(s."requestsPerSec")::float8 AS rps, avg(s."pollLatencyMs")::float8 AS "latencyMs",
             min(${RANK.replace("%s", "s.state")}) AS worst
           FROM sample s JOIN node n ON n.id = s."nodeId" JOIN cluster c ON c.id = n."clusterId"
           WHERE c.name = $1 AND s.at >= $2 AND s.at <= $4 GROUP BY 1, 2 ORDER BY 2`,
          clusterName,
          from,
          bucket,
          to,
        )
      : source === "hourly"
        ? await db.$queryRawUnsafe<BucketRow[]>(
            `SELECT n.name AS node, date_bin($3::interval, r.hour, TIMESTAMPTZ '2000-01-01') AS t,
               max(r."lagBytesMax")::float8 AS "lagBytes", max(r."lagSecondsMax")::float8 AS "lagSeconds",
               avg(r."requestsPerSec")::float8 AS rps, avg(r."pollLatencyAvgMs")::float8 AS "latencyMs",
               min(${RANK.replace("%s", `r."worstState"`)}) AS worst
             FROM sample_rollup_hour r JOIN node n ON n.id = r."nodeId" JOIN cluster c ON c.id = n."clusterId"
             WHERE c.name = $1 AND r.hour >= date_trunc('hour', $2::timestamptz) AND r.hour <= $4
             GROUP BY 1, 2 ORDER BY 2`,
            clusterName,
            from,
            bucket,
            to,
          )
        : await db.$queryRawUnsafe<BucketRow[]>(
            `SELECT n.name AS node, date_bin($3::interval, r.minute, TIMESTAMPTZ '2000-01-01') AS t,
             max(r."lagBytesMax")::float8 AS "lagBytes", max(r."lagSecondsMax")::float8 AS "lagSeconds",
             avg(r."requestsPerSec")::float8 AS rps, avg(r."pollLatencyAvgMs")::float8 AS "latencyMs",
             min(${RANK.replace("%s", `r."worstState"`)}) AS worst
           FROM sample_rollup r JOIN node n ON n.id = r."nodeId" JOIN cluster c ON c.id = n."clusterId"
           WHERE c.name = $1 AND r.minute >= $2 AND r.minute <= $4 GROUP BY 1, 2 ORDER BY 2`,
            clusterName,
            from,
            bucket,
            to,
          );
  const table = (pick: (row: BucketRow) => number | null) => {
    const byTime = new Map<number, Row>();
    for (const row of rows) {
      const t = row.t.getTime();
      const entry = byTime.get(t) ?? ({ t } as Row);
      entry[row.node] = pick(row);
      byTime.set(t, entry);
    }
    return [...byTime.values()];
  };
  const health: Record<string, { from: number; to: number; state: NodeState }[]> = {};
  for (const row of rows) {
    const bands = health[row.node] ?? [];
    health[row.node] = bands;
    const t = row.t.getTime();
    const state = STATES[Number(row.worst)] ?? "UNKNOWN";
    const last = bands.at(-1);
    if (last && last.state === state && last.to === t) last.to = t + bucketMs;
    else bands.push({ from: t, to: t + bucketMs, state });
  }
  return {
    ...window,
    nodes: [...new Set(rows.map((r) => r.node))].sort(),
    lagBytes: table((r) => r.lagBytes),
    lagSeconds: table((r) => r.lagSeconds),
    requestsPerSec: table((r) => r.rps),
    latencyMs: table((r) => r.latencyMs),
    health,
  };
}

export type ClusterSeries = Awaited<ReturnType<typeof clusterSeries>>;

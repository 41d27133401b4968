// Per-minute rollups of the raw samples, and per-hour ones of those, so a 7-day chart reads 168
// rows per node and 30 days of availability 720 per cluster, not millions. Each run recomputes
// the minutes since a little before the last one it finished, so samples that arrive late (a
// push, a flush after an outage) still land in their minute; the hours follow less often (the
// leader's writes wait behind them, and nothing that reads them needs the last minutes).
import type { Query, Transaction } from "./flush.ts";

const STATE_RANK = `CASE state WHEN 'DOWN' THEN 0 WHEN 'SUSPECT' THEN 1 WHEN 'UNKNOWN' THEN 2 ELSE 3 END`;

/** Rolls up whole minutes in [from, to); returns how many (node, minute) rows it wrote. */
export async function rollUp(query: Query, from: Date, to: Date): Promise<number> {
  const result = await query(
    `WITH rolled AS (
       INSERT INTO sample_rollup ("nodeId", minute, samples, "reachableSamples", "healthySamples", "servingSamples",
         "pollLatencyAvgMs", "pollLatencyMaxMs", "lagBytesMax", "lagSecondsMax", "lagSecondsAvg",
         "weightAvg", "requestsPerSec", "errorRateAvg", "worstState")
       SELECT "nodeId", date_trunc('minute', at), count(*), count(*) FILTER (WHERE reachable),
         count(*) FILTER (WHERE healthy), count(*) FILTER (WHERE healthy AND role IN ('PRIMARY', 'ACTIVE')),
         avg("pollLatencyMs"), max("pollLatencyMs"), max("lagBytes"),
         max("lagSeconds"), avg("lagSeconds"), avg(weight), avg("requestsPerSec"), avg("errorRate"),
         (array_agg(state ORDER BY ${STATE_RANK}))[1]
       FROM sample WHERE at >= $1 AND at < $2
       GROUP BY 1, 2
       ON CONFLICT ("nodeId", minute) DO UPDATE SET samples = excluded.samples,
         "reachableSamples" = excluded."reachableSamples", "healthySamples" = excluded."healthySamples",
         "servingSamples" = excluded."servingSamples",
         "pollLatencyAvgMs" = excluded."pollLatencyAvgMs", "pollLatencyMaxMs" = excluded."pollLatencyMaxMs",
         "lagBytesMax" = excluded."lagBytesMax", "lagSecondsMax" = excluded."lagSecondsMax",
         "lagSecondsAvg" = excluded."lagSecondsAvg", "weightAvg" = excluded."weightAvg",
         "requestsPerSec" = excluded."requestsPerSec", "errorRateAvg" = excluded."errorRateAvg",
         "worstState" = excluded."worstState"
       RETURNING 1)
     SELECT count(*)::int AS n FROM rolled`,
    [from.toISOString(), to.toISOString()],
  );
  return Number(result.rows[0]?.n ?? 0);
}

const HOUR_ROLLUP = `
  INSERT INTO sample_rollup_hour ("nodeId", hour, samples, "healthySamples", "pollLatencyAvgMs", "lagBytesMax",
    "lagSecondsMax", "requestsPerSec", "worstState")
  SELECT "nodeId", date_trunc('hour', minute), sum(samples), sum("healthySamples"), avg("pollLatencyAvgMs"),
    max("lagBytesMax"), max("lagSecondsMax"), avg("requestsPerSec"),
    (array_agg("worstState" ORDER BY
      CASE "worstState" WHEN 'DOWN' THEN 0 WHEN 'SUSPECT' THEN 1 WHEN 'UNKNOWN' THEN 2 ELSE 3 END))[1]
  FROM sample_rollup WHERE minute >= $1 AND minute < $2
  GROUP BY 1, 2
  ON CONFLICT ("nodeId", hour) DO UPDATE SET samples = excluded.samples, "healthySamples" = excluded."healthySamples",
    "pollLatencyAvgMs" = excluded."pollLatencyAvgMs", "lagBytesMax" = excluded."lagBytesMax",
    "lagSecondsMax" = excluded."lagSecondsMax",
    "requestsPerSec" = excluded."requestsPerSec", "worstState" = excluded."worstState"`;

/** A minute is up by the largest share of it in which one node served healthy (a primary, or any active node). */
const UPTIME_ROLLUP = `
  INSERT INTO cluster_uptime_hour ("clusterId", hour, "observedMinutes", "upMinutes")
  SELECT "clusterId", date_trunc('hour', minute), count(*), sum(up)
  FROM (SELECT n."clusterId", r.minute, max(r."servingSamples"::float8 / GREATEST(r.samples, 1)) AS up
        FROM sample_rollup r JOIN node n ON n.id = r."nodeId"
        WHERE r.minute >= $1 AND r.minute < $2 GROUP BY 1, 2) per_minute
  GROUP BY 1, 2
  ON CONFLICT ("clusterId", hour) DO UPDATE SET "observedMinutes" = excluded."observedMinutes",
    "upMinutes" = excluded."upMinutes"`;

/** Recomputes the hours that [from, to) touches from their minute rollups. */
export async function rollUpHours(query: Query, from: Date, to: Date): Promise<void> {
  const first = new Date(Math.floor(from.getTime() / 3_600_000) * 3_600_000).toISOString();
  const end = new Date(Math.ceil(to.getTime() / 3_600_000) * 3_600_000).toISOString();
  await query(HOUR_ROLLUP, [first, end]);
  await query(UPTIME_ROLLUP, [first, end]);
}

export const startOfMinute = (at: number) => new Date(Math.floor(at / 60_000) * 60_000);

export interface Retention {
  sampleMs: number;
  rollupMs: number;
  /** Events, with their webhook deliveries; the audit log is never deleted. */
  eventMs: number;
}

/** Deletes samples, rollups and events past their retention, a slice per transaction: no lock held for long. */
export async function applyRetention(transaction: Transaction, now: number, retention: Retention): Promise<number> {
  let deleted = 0;
  const slices: [string, string, number][] = [
    ["sample", "at", now - retention.sampleMs],
    ["sample_rollup", "minute", now - retention.rollupMs],
    ["sample_rollup_hour", "hour", now - retention.rollupMs],
    ["cluster_uptime_hour", "hour", now - retention.rollupMs],
    ["event", "at", now - retention.eventMs],
  ];
  for (const [table, column, before] of slices) {
    for (;;) {
      const result = await transaction((query) =>
        query(
          `WITH gone AS (
             DELETE FROM ${table} WHERE ctid = ANY(ARRAY(SELECT ctid FROM ${table} WHERE ${column} < $1 LIMIT 20000))
             RETURNING 1)
           SELECT count(*)::int AS n FROM gone`,
          [new Date(before).toISOString()],
        ),
      );
      const n = Number(result.rows[0]?.n ?? 0);
      deleted += n;
      if (n < 20000) break;
    }
  }
  return deleted;
}

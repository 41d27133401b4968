// Per-minute rollups of the raw samples, so a 7-day chart reads ~10k rows per node, not 600k.
// Each run recomputes the minutes since a little before the last one it finished, so samples
// that arrive late (a push, a flush after an outage) still land in their minute.
import type { Query } from "./flush.ts";

const STATE_RANK = `CASE state WHEN 'DOWN' THEN 0 WHEN 'SUSPECT' THEN 1 WHEN 'UNKNOWN' THEN 2 ELSE 3 END`;

/** Rolls up whole minutes in [from, to); returns how many (node, minute) rows it wrote. */
export async function rollUp(query: Query, from: Date, to: Date): Promise<number> {
  const result = await query(
    `WITH rolled AS (
       INSERT INTO sample_rollup ("nodeId", minute, samples, "reachableSamples", "healthySamples", "servingSamples",
         "pollLatencyAvgMs", "pollLatencyMaxMs", "lagBytesMax", "lagSecondsMax", "lagSecondsAvg",
         "weightAvg", "requestsPerSec", "errorRateAvg", "worstState")
       SELECT "nodeId", date_trunc('minute', at), count(*), count(*) FILTER (WHERE reachable),
         count(*) FILTER (WHERE healthy), count(*) FILTER (WHERE healthy AND role IN ('PRIMARY', 'ACTIVE')), avg("pollLatencyMs"), max("pollLatencyMs"), max("lagBytes"),
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

export const startOfMinute = (at: number) => new Date(Math.floor(at / 60_000) * 60_000);

/** Deletes raw samples and rollups past their retention, in slices so no lock is held for long. */
export async function applyRetention(query: Query, now: number, retention: { sampleMs: number; rollupMs: number }): Promise<number> {
  let deleted = 0;
  const slices: [string, string, number][] = [
    ["sample", "at", now - retention.sampleMs],
    ["sample_rollup", "minute", now - retention.rollupMs],
  ];
  for (const [table, column, before] of slices) {
    for (;;) {
      const result = await query(
        `WITH gone AS (DELETE FROM ${table} WHERE ctid = ANY(ARRAY(SELECT ctid FROM ${table} WHERE ${column} < $1 LIMIT 20000)) RETURNING 1)
         SELECT count(*)::int AS n FROM gone`,
        [new Date(before).toISOString()],
      );
      const n = Number(result.rows[0]?.n ?? 0);
      deleted += n;
      if (n < 20000) break;
    }
  }
  return deleted;
}

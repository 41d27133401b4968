// haops_poll_duration_seconds: the stored polls of the last 15 s (Prometheus's default scrape
// interval: the polls since the previous scrape), per cluster, in Prometheus's default buckets.
// Read from the samples rather than counted in the leader's memory, so every instance answers alike
// and a new leader loses nothing. The price: the samples are a window, not a counter since start
// (retention deletes them), so `_count` and `_bucket` rise and fall with the polls in it. Read them
// as they are (histogram_quantile(0.99, haops_poll_duration_seconds_bucket)), not through rate().
// The window's length is the scrape's main cost: 15,000 rows off the sample table's time index at
// 1,000 nodes polled every second.
import { Prisma } from "../db/generated/client.ts";
import type { Db } from "../db/client.ts";
import type { HistogramSample } from "../../lib/metrics-exposition.ts";

export const POLL_WINDOW_MS = 15_000;
export const POLL_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

interface Row {
  clusterId: string;
  counts: number[];
  count: number;
  sumMs: number;
}

/** Per cluster id: the cumulative bucket counts, sum and count of the window's poll latencies. */
export async function pollDurations(db: Db, now = Date.now()): Promise<Map<string, HistogramSample>> {
  const buckets = Prisma.join(
    POLL_BUCKETS_SECONDS.map((le) => Prisma.sql`count(*) FILTER (WHERE s."pollLatencyMs" <= ${le * 1000})::int`),
  );
  const rows = await db.$queryRaw<Row[]>`
    SELECT n."clusterId", ARRAY[${buckets}] AS counts, count(*)::int AS count,
      sum(s."pollLatencyMs")::float8 AS "sumMs"
    FROM sample s JOIN node n ON n.id = s."nodeId"
    WHERE s.at > ${new Date(now - POLL_WINDOW_MS)} AND s.at <= ${new Date(now)} AND s."pollLatencyMs" IS NOT NULL
    GROUP BY 1`;
  return new Map(
    rows.map((row) => [
      row.clusterId,
      {
        buckets: POLL_BUCKETS_SECONDS.map((le, i) => ({ le, count: row.counts[i] ?? 0 })),
        sum: row.sumMs / 1000,
        count: row.count,
      },
    ]),
  );
}

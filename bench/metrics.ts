// GET /metrics at 1,000 nodes, on the api part's fleet, with the minute before the scrape polled
// every second (15,000 samples in the poll-latency window). The scrape's clock is pinned to the end
// of that minute, so the window holds the same polls through every timed call.
import type pg from "pg";
import type { Db } from "../server/db/client.ts";
import { consoleMetrics } from "../server/metrics/console-metrics.ts";
import { timeIt } from "./api-latency.ts";
import type { Figure } from "./figure.ts";

const TARGET_MS = 100;

export async function measureMetrics(db: Db, client: pg.Client, log: (line: string) => void): Promise<Figure[]> {
  const at = new Date();
  await client.query(
    `INSERT INTO sample ("nodeId", at, reachable, healthy, role, state, "pollLatencyMs")
     SELECT n.id, t, true, true, n.role, 'HEALTHY', 1 + random() * 3
     FROM node n CROSS JOIN generate_series($1::timestamptz - interval '59 seconds', $1, interval '1 second') AS t
     ON CONFLICT DO NOTHING`,
    [at.toISOString()],
  );
  await client.query("VACUUM (ANALYZE) sample");
  const { p50, p95 } = await timeIt(() => consoleMetrics(db, at.getTime()));
  log(`api: GET /metrics figures: p50 ${p50} ms, p95 ${p95} ms`);
  const name = "api: GET /metrics figures, 1,000 nodes polled every second";
  return [
    { name: `${name} p50`, value: p50, unit: "ms", target: "reported", pass: true },
    { name: `${name} p95`, value: p95, unit: "ms", target: `< ${TARGET_MS}`, pass: p95 < TARGET_MS },
  ];
}

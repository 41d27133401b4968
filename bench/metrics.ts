// GET /metrics at 1,000 nodes, on the api part's fleet: as its 10 s polls left the store, then with
// the last minute's samples filled in at 1 s, as a fleet polled every second has them (60,000 rows
// in the poll-latency window).
import type pg from "pg";
import type { Db } from "../server/db/client.ts";
import { consoleMetrics } from "../server/metrics/console-metrics.ts";
import { timeIt } from "./api-latency.ts";
import type { Figure } from "./figure.ts";

const TARGET_MS = 100;

export async function measureMetrics(db: Db, client: pg.Client, log: (line: string) => void): Promise<Figure[]> {
  const figures: Figure[] = [];
  const measure = async (label: string) => {
    const { p50, p95 } = await timeIt(() => consoleMetrics(db));
    log(`api: metrics (${label}): p50 ${p50} ms, p95 ${p95} ms`);
    const name = `api: GET /metrics figures, 1,000 nodes, ${label}`;
    figures.push({ name: `${name} p50`, value: p50, unit: "ms", target: "reported", pass: true });
    figures.push({ name: `${name} p95`, value: p95, unit: "ms", target: `< ${TARGET_MS}`, pass: p95 < TARGET_MS });
  };
  await measure("10 s polls");
  await client.query(`
    INSERT INTO sample ("nodeId", at, reachable, healthy, role, state, "pollLatencyMs")
    SELECT n.id, t, true, true, n.role, 'HEALTHY', 1 + random() * 3
    FROM node n CROSS JOIN generate_series(now() - interval '60 seconds', now(), interval '1 second') AS t
    ON CONFLICT DO NOTHING`);
  await client.query("VACUUM (ANALYZE) sample");
  await measure("1 s polls");
  return figures;
}

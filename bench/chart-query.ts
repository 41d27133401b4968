// API latency of the fleet views with the demo fleet after a synthetic backfill of 7 days of
// 10 s samples (and their per-minute rollups): the overview, a cluster page's data, and the
// 7-day and 24-hour chart queries, each as p50/p95 over repeated calls.
import pg from "pg";
import { createDb } from "../server/db/client.ts";
import type { EmbeddedPostgres } from "../server/db/embedded-postgres.ts";
import { migrate } from "../server/db/migrate.ts";
import { clusterDetail } from "../server/fleet/cluster-detail.ts";
import { listClusterSummaries } from "../server/fleet/overview.ts";
import { seedDemoFleetOnce } from "../server/fleet/seed-demo-fleet.ts";
import { clusterSeries } from "../server/fleet/series.ts";
import { rollUp } from "../server/ingest/rollup.ts";
import type { Figure } from "./figure.ts";

const DAYS = 7;
const RUNS = 40;

async function backfill(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const inserted = await client.query(`
      INSERT INTO sample ("nodeId", at, reachable, healthy, role, state, "pollLatencyMs", "lagBytes", "lagSeconds", weight, "requestsPerSec", "errorRate")
      SELECT n.id, t, true, true, n.role, 'HEALTHY', 1 + random() * 3,
        CASE WHEN n.role = 'STANDBY' THEN (random() * 200000)::bigint END,
        CASE WHEN n.role = 'STANDBY' THEN random() * 0.05 END,
        CASE WHEN n.role = 'ACTIVE' THEN 100 END,
        CASE WHEN n.role = 'ACTIVE' THEN 250 + random() * 100 END,
        CASE WHEN n.role = 'ACTIVE' THEN random() * 0.002 END
      FROM node n CROSS JOIN generate_series(now() - interval '${DAYS} days', now(), interval '10 seconds') AS t`);
    await rollUp((sql, params) => client.query(sql, params as unknown[]), new Date(Date.now() - DAYS * 86_400_000 - 60_000), new Date());
    await client.query("ANALYZE");
    return inserted.rowCount ?? 0;
  } finally {
    await client.end();
  }
}

async function timeIt(work: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await work(); // warm the plan and the cache, as a running console has them
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 10) / 10;
  return { p50: at(0.5), p95: at(0.95) };
}

export async function measureChartQueries(postgres: EmbeddedPostgres, log: (line: string) => void): Promise<Figure[]> {
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "bench_charts"`);
  await admin.end();
  const url = postgres.url.replace(/\/[^/]*$/, "/bench_charts");
  await migrate(url);
  const db = createDb(url);
  try {
    await seedDemoFleetOnce(db);
    const started = performance.now();
    const rows = await backfill(url);
    log(`charts: backfilled ${rows} samples (${DAYS} days × 9 nodes at 10 s) and their rollups in ${Math.round(performance.now() - started)} ms`);
    const results: [string, () => Promise<unknown>, number][] = [
      ["overview query", () => listClusterSummaries(db), 50],
      ["cluster page query (orders-db)", () => clusterDetail(db, "orders-db"), 50],
      ["7-day chart query (orders-db)", () => clusterSeries(db, "orders-db", "7d"), 150],
      ["24-hour chart query (orders-db)", () => clusterSeries(db, "orders-db", "24h"), 150],
    ];
    const figures: Figure[] = [];
    for (const [name, work, target] of results) {
      const { p50, p95 } = await timeIt(work);
      log(`charts: ${name}: p50 ${p50} ms, p95 ${p95} ms`);
      figures.push({ name: `${name} p95, demo fleet with 7 days of samples`, value: p95, unit: "ms", target: `< ${target}`, pass: p95 < target });
    }
    return figures;
  } finally {
    await db.$disconnect();
  }
}

// Durable ingest: samples arrive at a steady rate into the leader's write buffer and are stored
// in batches (one transaction each, as the control loop does every flush) for 60 s. Measured:
// samples per second committed, the p99 time from a sample's arrival to its commit, and the
// process's resident memory under that load.
import pg from "pg";
import type { EmbeddedPostgres } from "../server/db/embedded-postgres.ts";
import type { SampleRow } from "../server/detection/sample.ts";
import { flushBatch, type Transaction } from "../server/ingest/flush.ts";
import { WriteBuffer } from "../server/ingest/write-buffer.ts";
import type { Figure } from "./figure.ts";
import { database, seed } from "./poller-capacity.ts";

const NODES = 5_000;
const RATE = Number(process.env.BENCH_INGEST_RATE ?? 25_000);
const SECONDS = Number(process.env.BENCH_INGEST_SECONDS ?? 60);
const TICK_MS = 10;

export async function measureIngest(postgres: EmbeddedPostgres, log: (line: string) => void): Promise<Figure[]> {
  const url = await database(postgres, "bench_ingest");
  await seed(url, NODES, 50_000);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const query = (sql: string, params?: unknown[]) => client.query(sql, params as unknown[]);
  // The leader's transaction also passes its lease's fence: one more single-row statement per batch.
  const transaction: Transaction = async (work) => {
    await query("BEGIN");
    try {
      const result = await work(query);
      await query("COMMIT");
      return result;
    } catch (error) {
      await query("ROLLBACK");
      throw error;
    }
  };
  const buffer = new WriteBuffer({ samples: 2_000_000, events: 10_000 });
  const arrived = new Map<SampleRow, number>();
  const latencies: number[] = [];
  let stored = 0;
  let rssMax = 0;
  let seq = 0;
  const base = Date.now() - 365 * 86_400_000;
  const started = performance.now();
  const end = started + SECONDS * 1000;
  let owed = 0;
  const producer = setInterval(() => {
    owed += (RATE * TICK_MS) / 1000;
    const now = performance.now();
    for (; owed >= 1; owed--) {
      const n = seq++;
      // Distinct (node, at) pairs: the sample table's key.
      const row: SampleRow = {
        nodeId: `bench-n${n % NODES}`,
        at: new Date(base + Math.floor(n / NODES) * 1000).toISOString(),
        reachable: true,
        healthy: true,
        role: "ACTIVE",
        state: "HEALTHY",
        pollLatencyMs: 1.2,
        lagBytes: null,
        lagSeconds: null,
        weight: 100,
        activeConnections: 12,
        requestsPerSec: 250,
        errorRate: 0.001,
        failedChecks: null,
      };
      buffer.sample(row);
      arrived.set(row, now);
    }
  }, TICK_MS);
  const flusher = (async () => {
    while (performance.now() < end || buffer.pendingSamples > 0) {
      if (buffer.pendingSamples === 0) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        continue;
      }
      const batch = buffer.take();
      await flushBatch(transaction, batch);
      const committed = performance.now();
      for (const row of batch.samples) {
        latencies.push(committed - arrived.get(row)!);
        arrived.delete(row);
      }
      stored += batch.samples.length;
      rssMax = Math.max(rssMax, process.memoryUsage().rss);
      if (performance.now() >= end) clearInterval(producer);
    }
  })();
  await flusher;
  clearInterval(producer);
  const elapsed = (performance.now() - started) / 1000;
  await client.end();
  latencies.sort((a, b) => a - b);
  const p99 = Math.round(latencies[Math.floor(latencies.length * 0.99)] ?? 0);
  const rate = Math.round(stored / elapsed);
  const rssMb = Math.round(rssMax / 1024 / 1024);
  log(
    `ingest: ${stored} samples in ${elapsed.toFixed(1)} s = ${rate}/s offered ${RATE}/s; ` +
      `arrival → commit p99 ${p99} ms; RSS max ${rssMb} MB`,
  );
  return [
    {
      name: "ingest: samples stored per second (60 s, batched)",
      value: rate,
      unit: "samples/s",
      target: "≥ 20000",
      pass: rate >= 20_000,
    },
    { name: "ingest: arrival → stored p99", value: p99, unit: "ms", target: "reported", pass: true },
    { name: "memory: RSS under the ingest load", value: rssMb, unit: "MB", target: "< 400", pass: rssMb < 400 },
  ];
}

// The audit log at 1,000,000 entries: loaded with generate_series as a keyed chain (each entry's
// HMAC computed here, so the chain is one the console would have written), walked whole once by
// the leader's first checkpoint, then a minute's entries appended. Timed: the audit page's
// queries (the list and the chain status, read from the newest checkpoint) as p50/p95.
import pg from "pg";
import { appendAudit } from "../server/audit/append.ts";
import { makeCheckpoint } from "../server/audit/checkpoint.ts";
import { auditHmac, GENESIS_HASH } from "../server/audit/hash.ts";
import { auditKey } from "../server/audit/key.ts";
import { listAudit } from "../server/audit/list.ts";
import { chainStatus } from "../server/audit/status.ts";
import { createDb, type Db } from "../server/db/client.ts";
import type { EmbeddedPostgres } from "../server/db/embedded-postgres.ts";
import { timeIt } from "./api-latency.ts";
import type { Figure } from "./figure.ts";
import { database } from "./poller-capacity.ts";

const ENTRIES = 1_000_000;
const CHUNK = 100_000;
const BASE = Date.parse("2026-01-01T00:00:00.000Z");
const ACTIONS = ["action.failover", "cluster.pause", "auth.sign-in", "drill.start"];

/** Entry g as the SQL below makes it. */
const entry = (g: number, prevHash: string) => ({
  at: new Date(BASE + g * 1000),
  actor: `ops${g % 50}@example.com`,
  action: ACTIONS[g % 4]!,
  target: `orders-db-${g % 20}`,
  reason: g % 3 === 0 ? `maintenance window ${g}` : null,
  guards: null,
  outcome: "done",
  details: null,
  prevHash,
});

const INSERT = `
  INSERT INTO audit_entry (seq, at, actor, action, target, reason, outcome, "prevHash", hash, keyed)
  SELECT g, timestamp '2026-01-01 00:00:00' + g * interval '1 second', 'ops' || (g % 50) || '@example.com',
    (ARRAY['action.failover', 'cluster.pause', 'auth.sign-in', 'drill.start'])[1 + g % 4], 'orders-db-' || (g % 20),
    CASE WHEN g % 3 = 0 THEN 'maintenance window ' || g END, 'done', h.prev, h.hash, true
  FROM generate_series($1::bigint, $2::bigint) AS g
  JOIN unnest($3::text[], $4::text[]) WITH ORDINALITY AS h(prev, hash, i) ON h.i = g - $1 + 1`;

async function load(client: pg.Client, key: string) {
  let prevHash = GENESIS_HASH;
  for (let from = 1; from <= ENTRIES; from += CHUNK) {
    const to = Math.min(ENTRIES, from + CHUNK - 1);
    const prevs: string[] = [];
    const hashes: string[] = [];
    for (let g = from; g <= to; g++) {
      prevs.push(prevHash);
      prevHash = auditHmac(key, entry(g, prevHash));
      hashes.push(prevHash);
    }
    await client.query(INSERT, [from, to, prevs, hashes]);
  }
  await client.query(`SELECT setval('audit_entry_seq_seq', $1)`, [ENTRIES]);
  await client.query("VACUUM (ANALYZE) audit_entry");
}

async function appendMinute(db: Db) {
  for (let i = 0; i < 60; i++) {
    const input = { actorId: null, actor: "system", action: "node.refence", target: "orders-db/n1", outcome: "fenced" };
    await db.$transaction((tx) => appendAudit(tx, input));
  }
}

export async function measureAudit(postgres: EmbeddedPostgres, log: (line: string) => void): Promise<Figure[]> {
  const url = await database(postgres, "bench_audit");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const db = createDb(url);
  const figures: Figure[] = [];
  const add = (name: string, value: number, unit: string, target: number | null) =>
    figures.push({
      name,
      value,
      unit,
      target: target === null ? "reported" : `< ${target}`,
      pass: target === null || value < target,
    });
  try {
    let started = performance.now();
    await load(client, auditKey());
    log(`audit: loaded ${ENTRIES} keyed entries in ${Math.round((performance.now() - started) / 1000)} s`);
    started = performance.now();
    await makeCheckpoint(db, auditKey(), { full: true, log });
    const walkS = Math.round((performance.now() - started) / 100) / 10;
    add("audit: full walk and first checkpoint, 1,000,000 entries", walkS, "s", null);
    await appendMinute(db);
    // The page asks for both at once; the route lists, then verifies.
    const page = () => Promise.all([listAudit(db, { limit: 200 }), chainStatus(db)]);
    const api = async () => [await listAudit(db, { limit: 100 }), await chainStatus(db)];
    const runs: [string, () => Promise<unknown>, number | null][] = [
      ["chain status (from the newest checkpoint)", () => chainStatus(db), null],
      ["audit page: list of 200 + chain status", page, 100],
      ["GET /api/v1/audit: list of 100 + chain status", api, 100],
    ];
    const status = await chainStatus(db);
    if (!status.verified) throw new Error(`The bench's chain does not verify: ${status.reason}`);
    for (const [name, work, target] of runs) {
      const { p50, p95 } = await timeIt(work);
      log(`audit: ${name}: p50 ${p50} ms, p95 ${p95} ms`);
      add(`audit: ${name} p50, 1,000,000 entries`, p50, "ms", null);
      add(`audit: ${name} p95, 1,000,000 entries`, p95, "ms", target);
    }
    // Free-text search reads every entry when nothing matches: timed a few times, not 200.
    const searches: number[] = [];
    for (let i = 0; i < 5; i++) {
      const at = performance.now();
      await listAudit(db, { limit: 200, q: "no-such-word" });
      searches.push(performance.now() - at);
    }
    const median = Math.round(searches.sort((a, b) => a - b)[2]! * 10) / 10;
    log(`audit: search (q) for a word in no entry: median ${median} ms`);
    add("audit: search (q) for a word in no entry, median, 1,000,000 entries", median, "ms", null);
    return figures;
  } finally {
    await client.end();
    await db.$disconnect();
  }
}

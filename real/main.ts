// `npm run drill:real`: the console failing over a real database, on demand. Sets up everything
// itself (a scratch store, PostgreSQL 15 pairs behind HAProxy, agents, the control loop), runs
// the primary-crash drill with async and with sync replication, loses a whole primary node, and
// stalls a primary for 2 s; the same on MariaDB and Redis; then client routes and hooks (PgBouncer,
// Knot DNS); prints a table and tears everything down. Needs root or the postgres user, Debian's
// postgresql-15, haproxy, mariadb-server, redis-server, redis-sentinel, pgbouncer and knot.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { setAuditKey } from "../server/audit/key.ts";
import { startScratchPostgres } from "../server/db/scratch-postgres.ts";
import { crashDrill } from "./crash-drill.ts";
import { loseNode, stallPrimary } from "./lost-node.ts";
import { mariadbRows } from "./mariadb-rows.ts";
import { redisRows } from "./redis-rows.ts";
import { routedRows } from "./routed-rows.ts";
import { DETECTION, startRig, type WithRig } from "./rig.ts";

setAuditKey(randomBytes(32).toString("base64url")); // a scratch store's audit log
const store = await startScratchPostgres("ha-console-drill-real-");
let n = 0;
const withRig: WithRig = async (sync, work, startPair) => {
  const database = `real_${++n}`;
  const admin = new pg.Client({ connectionString: store.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const rig = await startRig({
    sync,
    databaseUrl: store.url.replace(/\/[^/]*$/, `/${database}`),
    cluster: `real-${n}`,
    startPair,
  });
  try {
    return await work(rig);
  } finally {
    await rig.stop();
  }
};

const ms = (value: number | null) => (value === null ? "–" : `${value} ms`);
const within = (value: number | null, target: number) => (value !== null && value <= target ? "PASS" : "FAIL");
const rows: string[][] = [];
try {
  for (const sync of [false, true]) {
    const r = await withRig(sync, crashDrill);
    // The agent stays up: it reports PostgreSQL gone, a certain death the console acts on at once.
    const lost = sync && r.lostRows > 0 ? ", rows lost" : "";
    const verdict = `${within(r.writerRtoMs, 1_500)}${lost} (drill ${r.verdict ?? "–"})`;
    const target = sync ? "writes ≤ 1.5 s, 0 rows lost" : "writes ≤ 1.5 s";
    if (r.verdict !== "PASS")
      console.log(`primary crash (${sync ? "sync" : "async"}): drill ${r.verdict}: ${r.verdictDetail}`);
    rows.push([
      `primary crash, agent alive, ${sync ? "sync" : "async"}`,
      ms(r.detectionMs),
      ms(r.writerRtoMs),
      `${r.lostRows} of ${r.ackedRows}`,
      `${r.rpoBytes ?? "–"} B`,
      target,
      verdict,
    ]);
  }
  const lost = await withRig(false, loseNode);
  const lostVerdict = lost.action?.status === "SUCCEEDED" ? within(lost.rtoMs, 3_000) : "FAIL: no failover";
  rows.push([
    "node lost (agent + PostgreSQL killed), async",
    ms(lost.detectionMs),
    ms(lost.rtoMs),
    "–",
    "–",
    "writes ≤ 3 s",
    lostVerdict,
  ]);
  const stall = await withRig(false, (rig) => stallPrimary(rig, 2_000));
  const stallVerdict =
    stall.actions === 0 && stall.node.state === "HEALTHY"
      ? `PASS (${stall.events.join(", ")})`
      : "FAIL: it failed over";
  rows.push(["2 s stall (SIGSTOP, SIGCONT), async", "–", "–", "–", "–", "no failover", stallVerdict]);
  rows.push(...(await mariadbRows(withRig)));
  rows.push(...(await redisRows(withRig)));
  rows.push(...(await routedRows(withRig)));
} finally {
  await store.stop();
}

const head = ["scenario", "detection", "RTO (writes)", "RPO rows lost", "RPO bytes", "target", "verdict"];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
console.log(
  `\nDetection: interval ${DETECTION.intervalMs} ms, threshold ${DETECTION.failureThreshold}, ` +
    `timeout ${DETECTION.timeoutMs} ms; automatic policy.\n`,
);
console.log([line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n"));

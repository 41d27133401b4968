// The `pgbouncer` action (protocol v1.3) through a real agent over HTTP, against Debian's PgBouncer in
// front of a real PostgreSQL primary and its standby: a writer through the pool waits through a
// switchover (pause, promote, point, resume) and sees no failed transaction; the point is verified in
// SHOW DATABASES; pause and resume are idempotent; a wrong admin port or an unread file fails clearly.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../agent/config.ts";
import { actionResultSchema } from "../agent/protocol.ts";
import { startAgents, type RunningAgents } from "../agent/start.ts";
import { withAdmin } from "../agent/traffic/pgbouncer-admin.ts";
import { pgbouncerSchema } from "../agent/traffic/pgbouncer-config.ts";
import { freePort } from "../server/db/free-port.ts";
import { waitFor } from "../server/testing/fleet-harness.ts";
import { type Pgbouncer, startPgbouncer } from "./pgbouncer.ts";
import { type Pair, query, startPair } from "./postgres-pair.ts";
import { startWriter, writeGap } from "./writer.ts";

const TOKEN = "hat_pgbouncer-test-0123456789";
let pair: Pair;
let bouncer: Pgbouncer;
let agents: RunningAgents;

beforeAll(async () => {
  pair = await startPair({ sync: false });
  const primary = pair.nodes[0].port;
  bouncer = await startPgbouncer(pair.base, pair.user, [
    `app = host=127.0.0.1 port=${primary} dbname=postgres user=postgres pool_size=4`,
    `other = host=127.0.0.1 port=${primary} dbname=postgres`,
  ]);
  // A file PgBouncer does not %include: a point written there never reaches it.
  const unread = path.join(pair.base, "unread-databases.ini");
  writeFileSync(unread, readFileSync(bouncer.databasesFile));
  const section = (port: number, databasesFile = bouncer.databasesFile, pauseTimeoutMs = 10_000) => ({
    port,
    ...bouncer.admin,
    databasesFile,
    pauseTimeoutMs,
  });
  const node = async (name: string, pgbouncer: object) => ({
    name,
    listen: `127.0.0.1:${await freePort()}`,
    token: TOKEN,
    driver: "simulated",
    simulated: { cluster: "pools", role: "active" },
    pgbouncer,
  });
  const nodes = [
    await node("pool-1", section(bouncer.port)),
    await node("wrong-port", section(await freePort())),
    await node("unread-file", section(bouncer.port, unread)),
    await node("short-pause", section(bouncer.port, bouncer.databasesFile, 500)),
  ];
  agents = await startAgents(parseConfig(JSON.stringify({ nodes })), () => undefined);
}, 180_000);

afterAll(async () => {
  await agents?.stop();
  await bouncer?.stop();
  await pair?.stop();
});

let seq = 0;
async function act(node: string, params: Record<string, unknown>) {
  const response = await fetch(`${agents.urls[node]}/v1/actions`, {
    method: "POST",
    headers: { authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ id: `pgb-${seq++}`, type: "pgbouncer", params }),
  });
  const { id: _, ...result } = actionResultSchema.parse(await response.json());
  return result;
}

const at = () => `pgbouncer 127.0.0.1:${bouncer.port}`;

async function poolSession() {
  const client = new pg.Client({ host: "127.0.0.1", port: bouncer.port, database: "app", ...bouncer.client });
  client.on("error", () => undefined);
  await client.connect();
  return {
    write: async (n: number) => void (await client.query("INSERT INTO writes (n) VALUES ($1)", [n])),
    close: () => client.end(),
  };
}

const entries = () =>
  withAdmin(pgbouncerSchema.parse({ port: bouncer.port, ...bouncer.admin, databasesFile: "/x" }), 2_000, (admin) =>
    admin.databases(),
  );

describe("PgBouncer steered by its agent", () => {
  it("holds a writer through pause, promotion, point and resume: no failed transaction, only a wait", async () => {
    const [primary, standby] = pair.nodes;
    const writer = startWriter(poolSession);
    await waitFor("the writer's first writes", async () => writer.acked.length >= 50, 20_000);

    const pausedAt = Date.now();
    expect(await act("pool-1", { op: "pause", database: "app" })).toEqual({
      status: "done",
      detail: `${at()}: app paused`,
    });
    expect(await act("pool-1", { op: "pause", database: "app" })).toMatchObject({ status: "done" });
    const lastWritten = async (port: number) =>
      Number((await query<{ n: string | null }>(port, "SELECT max(n)::text AS n FROM writes"))[0]?.n ?? 0);
    const lastBeforePause = await lastWritten(primary.port);
    // Everything the pool committed is on the standby before it is promoted: nothing is lost.
    const [wal] = await query<{ lsn: string }>(primary.port, "SELECT pg_current_wal_lsn()::text AS lsn");
    await waitFor("the standby to replay all", async () => {
      const [row] = await query<{ caught: boolean }>(
        standby.port,
        "SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS caught",
        [wal?.lsn],
      );
      return row?.caught;
    });
    await query(standby.port, "SELECT pg_promote()");

    expect(await act("pool-1", { op: "point", database: "app", host: "127.0.0.1", port: standby.port })).toEqual({
      status: "done",
      detail: `${at()}: app -> 127.0.0.1:${standby.port}`,
    });
    expect(await entries()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "app", host: "127.0.0.1", port: standby.port, paused: true }),
        expect.objectContaining({ name: "other", host: "127.0.0.1", port: primary.port, paused: false }),
      ]),
    );
    expect(readFileSync(bouncer.databasesFile, "utf8")).toBe(
      "; the haops agent's pools\n" +
        `app = host=127.0.0.1 port=${standby.port} dbname=postgres user=postgres pool_size=4\n` +
        `other = host=127.0.0.1 port=${primary.port} dbname=postgres\n`,
    );
    expect(await lastWritten(primary.port)).toBe(lastBeforePause);

    expect(await act("pool-1", { op: "resume", database: "app" })).toEqual({
      status: "done",
      detail: `${at()}: app resumed`,
    });
    expect(await act("pool-1", { op: "resume", database: "app" })).toEqual({
      status: "done",
      detail: `${at()}: app resumed (it already was)`,
    });
    const ackedAtResume = writer.acked.length;
    await waitFor("writes on the promoted standby", async () => writer.acked.length >= ackedAtResume + 50, 20_000);
    await writer.stop();

    const gap = writeGap(writer.acked, pausedAt);
    console.log(
      `PgBouncer switchover: ${writer.acked.length} writes acknowledged, ${writer.failed} failed; ` +
        `longest wait ${gap.rtoMs} ms (pause, promotion, point and resume)`,
    );
    expect(writer.failed).toBe(0);
    const onStandby = await pair.written(standby.name);
    expect(writer.acked.filter((w) => !onStandby.has(w.n))).toEqual([]);
    const onPrimary = await pair.written(primary.name);
    expect(writer.acked.filter((w) => w.n > lastBeforePause && onPrimary.has(w.n))).toEqual([]);
    expect(writer.acked.filter((w) => w.n > lastBeforePause).length).toBeGreaterThanOrEqual(50);
  }, 120_000);

  it("fails with the address and the error when its admin console does not answer", async () => {
    const result = await act("wrong-port", { op: "pause", database: "app" });
    expect(result.status).toBe("failed");
    expect(result.detail).toMatch(/^pgbouncer 127\.0\.0\.1:\d+: connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
  });

  it("fails a point PgBouncer does not take, and one of a database without a line", async () => {
    const [primary] = pair.nodes;
    expect(await act("unread-file", { op: "point", database: "other", host: "127.0.0.1", port: 1 })).toEqual({
      status: "failed",
      detail:
        `${at()}: other is still 127.0.0.1:${primary.port} after RELOAD: ` +
        `does its [databases] section %include ${path.join(pair.base, "unread-databases.ini")}?`,
    });
    expect(await act("pool-1", { op: "point", database: "orders", host: "127.0.0.1", port: 1 })).toEqual({
      status: "failed",
      detail: `${at()}: orders not pointed: ${bouncer.databasesFile}: no line for orders`,
    });
    expect(await act("pool-1", { op: "pause", database: "orders" })).toEqual({
      status: "failed",
      detail: `${at()}: no such database: orders`,
    });
  });

  it("resumes a pool paused with a hold by itself once the hold ends, when no resume came", async () => {
    expect(await act("pool-1", { op: "pause", database: "app", holdMs: 1_000 })).toEqual({
      status: "done",
      detail: `${at()}: app paused, resumed by itself after 1 s at the latest`,
    });
    expect(await entries()).toContainEqual(expect.objectContaining({ name: "app", paused: true }));
    await waitFor("the pool resumed by its agent", async () =>
      (await entries()).some((e) => e.name === "app" && !e.paused),
    );
  });

  it("resumes a pool whose transactions outlast the pause's time, and says the pause failed", async () => {
    const client = new pg.Client({ host: "127.0.0.1", port: bouncer.port, database: "app", ...bouncer.client });
    await client.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT 1");
      expect(await act("short-pause", { op: "pause", database: "app" })).toEqual({
        status: "failed",
        detail: `${at()}: app not paused: its transactions still ran after 500 ms; resumed`,
      });
      expect(await entries()).toContainEqual(expect.objectContaining({ name: "app", paused: false }));
      await client.query("COMMIT");
    } finally {
      await client.end();
    }
  });
});

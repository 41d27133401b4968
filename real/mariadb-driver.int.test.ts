// The mariadb driver against real servers (Debian's MariaDB 10.11, 127.0.0.1, temp folders): status
// by layer on a primary and a replica, the heartbeat's lag, fencing both ways, crash and stall
// faults, promote and demote, and the errant-GTID refusal on a former primary's rejoin.
import net from "node:net";
import { afterEach, expect, it } from "vitest";
import { showStat } from "../agent/drivers/haproxy/runtime-api.ts";
import { mariadbSchema } from "../agent/drivers/mariadb/config.ts";
import { MariadbNode } from "../agent/drivers/mariadb/node.ts";
import { type Row, withServer } from "../agent/drivers/mariadb/session.ts";
import type { AgentAction, AgentStatus } from "../agent/protocol.ts";
import { type MariadbPair, root, startMariadbPair } from "./mariadb-pair.ts";

let pair: MariadbPair | undefined;

afterEach(async () => {
  await pair?.stop();
  pair = undefined;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function drivers(p: MariadbPair, extra: Record<string, unknown> = {}): [MariadbNode, MariadbNode] {
  const node = (i: 0 | 1) => {
    const { mariadb: section } = p.agentDriver(i, p.nodes[1 - i]!) as { mariadb?: object };
    return new MariadbNode(
      { agentId: p.nodes[i].name, name: p.nodes[i].name },
      mariadbSchema.parse({ ...section, ...extra }),
    );
  };
  return [node(0), node(1)];
}

const sql = (port: number, text: string, values: unknown[] = []): Promise<Row[]> =>
  withServer(root(port), (s) => s.rows(text, values));
const check = (status: AgentStatus, name: string) => status.checks?.find((c) => c.name === name);
const act = (driver: MariadbNode, action: AgentAction) => driver.act(action);

/** An action that must succeed; its detail says why when it does not. */
async function done(driver: MariadbNode, action: AgentAction) {
  const outcome = await driver.act(action);
  expect(outcome.status, outcome.detail).toBe("done");
  return outcome;
}

async function eventually<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, ms = 15_000) {
  const deadline = Date.now() + ms;
  let last = await read();
  while (!ok(last)) {
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(last)}`);
    await sleep(100);
    last = await read();
  }
  return last;
}

/**
 * db-2 replicates from db-1 through a relay that can go silent: the link stays up and nothing crosses
 * it, so what db-1 writes next reaches no replica (a frozen replica would still receive it, into its
 * kernel's socket buffer).
 */
async function replicateThroughRelay(p: MariadbPair) {
  const relay = await startRelay(p.nodes[0].port);
  await sql(p.nodes[1].port, "STOP SLAVE");
  await sql(p.nodes[1].port, `CHANGE MASTER TO MASTER_PORT = ${relay.port}`);
  await sql(p.nodes[1].port, "START SLAVE");
  await eventually(
    "db-2 replicating through the relay",
    () => sql(p.nodes[1].port, "SHOW REPLICA STATUS"),
    ([row]) => row?.Slave_IO_Running === "Yes" && row.Slave_SQL_Running === "Yes",
  );
  return relay;
}

it("reports a primary and a semi-sync replica by layer, with GTID positions and lag", async () => {
  pair = await startMariadbPair({ sync: true });
  const [primary, replica] = drivers(pair, { businessQuery: "SELECT n FROM app.writes LIMIT 1" });
  await sql(pair.nodes[0].port, "INSERT INTO app.writes (n) VALUES (1), (2)");
  const seen = await eventually(
    "the replica's lag",
    () => replica.status(),
    (s) => s.replication?.lagTransactions === 0,
  );
  expect(seen).toMatchObject({ role: "standby", healthy: true, peers: [{ node: "db-1", reachable: true }] });
  expect(seen.checks?.map((c) => [c.layer, c.name, c.ok])).toEqual([
    ["network", "tcp", true],
    ["process", "mariadbd", true],
    ["application", "sql", true],
    ["business", "query", true],
  ]);
  expect(seen.replication).toMatchObject({ upstream: "db-1", mode: "sync", lagBytes: 0, lagSeconds: 0 });
  expect(seen.replication?.gtid).toMatch(/^0-1-\d+$/);
  const top = await primary.status();
  expect(top).toMatchObject({ role: "primary", healthy: true });
  expect(check(top, "writable")).toMatchObject({ layer: "business", ok: true });
  expect(top.replication).toMatchObject({ mode: "sync", standbys: [{ name: "db-2", syncState: "sync", lagBytes: 0 }] });
  const [failing] = drivers(pair, { businessQuery: "SELECT n FROM app.orders LIMIT 1" });
  const business = check(await failing.status(), "query");
  expect(business).toMatchObject({ layer: "business", ok: false, detail: expect.stringContaining("doesn't exist") });

  // The replica's SQL thread stopped: it no longer serves, and says why.
  await sql(pair.nodes[1].port, "STOP SLAVE SQL_THREAD");
  const broken = await replica.status();
  expect(broken.role).toBe("standby");
  expect(check(broken, "sql")).toMatchObject({ ok: false, detail: expect.stringContaining("SQL thread stopped") });
}, 60_000);

it("takes lag from a heartbeat table the primary's agent stamps, which keeps growing when stamps stop", async () => {
  pair = await startMariadbPair({ sync: false });
  await sql(pair.nodes[0].port, "CREATE TABLE app.heartbeat (server_id int unsigned PRIMARY KEY, ts datetime(6))");
  const [primary, replica] = drivers(pair, { heartbeat: { table: "app.heartbeat", column: "ts" } });
  await primary.status();
  const fresh = await eventually(
    "a replicated stamp",
    () => replica.status(),
    (s) => s.replication?.lagSeconds !== undefined,
  );
  expect(fresh.replication?.lagSeconds).toBeLessThan(1);
  // Seconds_Behind_Master says 0 on this idle link; the stamp's age says how stale the replica may be.
  await sleep(1_500);
  const idle = await replica.status();
  expect(idle.replication?.lagSeconds).toBeGreaterThanOrEqual(1.4);
}, 60_000);

it("fences read-only (writes refused, sessions ended) and by stopping the server, and unfences both", async () => {
  pair = await startMariadbPair({ sync: false });
  const [primary] = drivers(pair);
  const fenced = await act(primary, { type: "fence", params: {} });
  expect(fenced).toMatchObject({
    status: "done",
    detail: expect.stringMatching(/^fenced: read-only, \d+ sessions ended/),
  });
  const app = { ...root(pair.nodes[0].port), user: "app" };
  await expect(withServer(app, (s) => s.run("INSERT INTO app.writes (n) VALUES (10)"))).rejects.toThrow(/read-only/);
  expect(check(await primary.status(), "writable")).toMatchObject({ ok: false, detail: "fenced: read_only is on" });
  expect((await showStat(pair.haproxy.socket)).find((s) => s.server === "db-1")?.status).toBe("MAINT");
  await done(primary, { type: "unfence", params: {} });
  expect(check(await primary.status(), "writable")?.ok).toBe(true);

  const [stopping] = drivers(pair, { fence: "stop" });
  expect(await act(stopping, { type: "fence", params: {} })).toEqual({ status: "done", detail: "shut down" });
  expect(await stopping.processGone()).toBe(true);
  const down = await stopping.status();
  expect(check(down, "mariadbd")).toMatchObject({ ok: false, gone: true });
  expect(await act(stopping, { type: "unfence", params: {} })).toMatchObject({ status: "done", detail: /^started/ });
  expect((await stopping.status()).healthy).toBe(true);
}, 90_000);

it("fences a peer at HAProxy, and a promotion makes this node HAProxy's only writer", async () => {
  pair = await startMariadbPair({ sync: false });
  const [, replica] = drivers(pair);
  expect(await act(replica, { type: "fence", params: { node: "db-1" } })).toEqual({
    status: "done",
    detail: "db-1 taken out of HAProxy mariadb_write",
  });
  const promoted = await act(replica, { type: "promote", params: {} });
  expect(promoted).toMatchObject({
    status: "done",
    detail: expect.stringContaining("replication stopped and reset, writable"),
  });
  const backend = (await showStat(pair.haproxy.socket)).filter((s) => s.backend === "mariadb_write");
  expect(backend.map((s) => `${s.server} ${s.status}`)).toEqual(["db-1 MAINT", "db-2 no check"]);
  const now = await replica.status();
  expect(now).toMatchObject({ role: "primary", healthy: true });
}, 60_000);

it("a crash is seen at once as gone, a stall as stopped; clear-fault starts or continues the server", async () => {
  pair = await startMariadbPair({ sync: false });
  const [primary] = drivers(pair);
  await done(primary, { type: "inject-fault", params: { kind: "crash" } });
  expect(await primary.processGone()).toBe(true);
  // The process is gone at once; its port closes as its last threads exit.
  const crashed = await eventually(
    "the port closed",
    () => primary.status(),
    (s) => check(s, "tcp")?.ok === false,
  );
  expect(check(crashed, "mariadbd")).toMatchObject({ ok: false, gone: true });
  expect(await act(primary, { type: "clear-fault", params: {} })).toEqual({ status: "done", detail: "started" });
  expect(await primary.processGone()).toBe(false);

  await done(primary, { type: "inject-fault", params: { kind: "stall" } });
  const stalled = await primary.status();
  expect(check(stalled, "mariadbd")).toMatchObject({ ok: false, detail: expect.stringContaining("SIGSTOP") });
  expect(check(stalled, "mariadbd")?.gone).toBeUndefined();
  expect(await primary.processGone()).toBe(false);
  expect(await act(primary, { type: "clear-fault", params: {} })).toEqual({
    status: "done",
    detail: "server continued (SIGCONT)",
  });
  expect((await primary.status()).healthy).toBe(true);

  // A bounded stall continues by itself.
  await act(primary, { type: "inject-fault", params: { kind: "stall", ms: 300 } });
  await eventually(
    "the stall's end",
    () => primary.status(),
    (s) => s.healthy,
  );
}, 60_000);

it("demotes a former primary after a clean switchover, which then follows the new primary", async () => {
  pair = await startMariadbPair({ sync: false });
  const [primary, replica] = drivers(pair);
  await sql(pair.nodes[0].port, "INSERT INTO app.writes (n) VALUES (1)");
  await done(primary, { type: "demote", params: { upstream: "db-2" } });
  await done(replica, { type: "promote", params: {} });
  await eventually("db-1 replicating from db-2", () => pair!.replicating("db-1"), Boolean);
  await sql(pair.nodes[1].port, "INSERT INTO app.writes (n) VALUES (2)");
  await eventually(
    "row 2 on db-1",
    () => pair!.written("db-1"),
    (rows) => rows.has(2),
  );
  const following = await primary.status();
  expect(following).toMatchObject({ role: "standby", healthy: true, replication: { upstream: "db-2", mode: "async" } });
}, 60_000);

it("a switchover's demote whose target has not applied the last writes leaves the primary writable", async () => {
  pair = await startMariadbPair({ sync: false });
  const [primary] = drivers(pair, { replicaStartMs: 1_000 });
  // db-2 receives but cannot apply: a lock holds its SQL thread, as a long query on a replica does.
  const lock = await withServer(root(pair.nodes[1].port), async (s) => {
    await s.run("LOCK TABLES app.writes WRITE");
    await sql(pair!.nodes[0].port, "INSERT INTO app.writes (n) VALUES (1)");
    return act(primary, { type: "demote", params: { upstream: "db-2" } });
  });
  expect(lock.status).toBe("failed");
  expect(lock.detail).toMatch(
    /^db-2 did not apply db-1's writes up to .+ within 1 s: db-1 is still the writable primary$/,
  );
  const [state] = await sql(pair.nodes[0].port, "SELECT @@read_only AS ro");
  expect(state?.ro).toBe(0);
  await sql(pair.nodes[0].port, "INSERT INTO app.writes (n) VALUES (2)");
}, 60_000);

it("refuses to rejoin a crashed async primary holding writes the new primary never received", async () => {
  pair = await startMariadbPair({ sync: false });
  const [primary, replica] = drivers(pair);
  const relay = await replicateThroughRelay(pair);
  try {
    await sql(pair.nodes[0].port, "INSERT INTO app.writes (n) VALUES (1)");
    await eventually(
      "row 1 on db-2",
      () => pair!.written("db-2"),
      (rows) => rows.has(1),
    );
    relay.silence();
    await sql(pair.nodes[0].port, "INSERT INTO app.writes (n) VALUES (2), (3)");
    await sql(pair.nodes[0].port, "INSERT INTO app.writes (n) VALUES (4)");
    await pair.kill("db-1");
  } finally {
    relay.stop();
  }
  await done(replica, { type: "promote", params: {} });
  await sql(pair.nodes[1].port, "INSERT INTO app.writes (n) VALUES (5)");
  const refused = await act(primary, { type: "demote", params: { upstream: "db-2" } });
  expect(refused.status).toBe("failed");
  expect(refused.detail).toMatch(/^started; errant transactions 0-1-8\.\.0-1-9 on db-1 that db-2 never received: /);
  expect(refused.detail).toContain("rebuild db-1 from db-2 (mariabackup) or apply them there first");
  // Left as it was: read-only, not replicating, its transactions still there.
  const [state] = await sql(pair.nodes[0].port, "SELECT @@read_only AS ro");
  expect(state?.ro).toBe(1);
  expect(await sql(pair.nodes[0].port, "SHOW REPLICA STATUS")).toEqual([]);
  expect([...(await pair.written("db-1"))].sort()).toEqual([1, 2, 3, 4]);
}, 60_000);

it("semi-sync: what a crashed primary wrote but no replica acknowledged is rolled back as it rejoins", async () => {
  pair = await startMariadbPair({ sync: true });
  const [primary, replica] = drivers(pair);
  const relay = await replicateThroughRelay(pair);
  try {
    await eventually(
      "db-2 acknowledging",
      () => sql(pair!.nodes[0].port, "SHOW STATUS LIKE 'Rpl_semi_sync_master_clients'"),
      (rows) => rows[0]?.Value === "1",
    );
    await sql(pair.nodes[0].port, "INSERT INTO app.writes (n) VALUES (1)");
    relay.silence();
    // In db-1's binlog (AFTER_SYNC), waiting for an acknowledgement that never comes.
    const unacknowledged = sql(pair.nodes[0].port, "INSERT INTO app.writes (n) VALUES (2)").then(
      () => "acknowledged",
      (error: Error) => error.message,
    );
    await eventually(
      "row 2 in db-1's binlog",
      () => sql(pair!.nodes[0].port, "SELECT @@gtid_binlog_pos AS p"),
      (rows) => rows[0]?.p === "0-1-8",
    );
    await pair.kill("db-1");
    expect(await unacknowledged).toMatch(/Connection lost/);
  } finally {
    relay.stop();
  }
  await done(replica, { type: "promote", params: {} });
  const rejoined = await done(primary, { type: "demote", params: { upstream: "db-2" } });
  expect(rejoined.detail).toMatch(
    /^started \(--init-rpl-role=SLAVE --rpl-semi-sync-slave-enabled=ON\); read-only, replicating from db-2/,
  );
  expect([...(await pair.written("db-1"))]).toEqual([1]);
  await sql(pair.nodes[1].port, "INSERT INTO app.writes (n) VALUES (3)");
  await eventually(
    "row 3 on db-1",
    () => pair!.written("db-1"),
    (rows) => rows.has(3),
  );
}, 90_000);

/** A TCP relay to a port that can be silenced: what a network that stops carrying packets does. */
async function startRelay(port: number) {
  let silent = false;
  const server = net.createServer((client) => {
    const upstream = net.connect(port, "127.0.0.1");
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      from.on("data", (data) => void (silent || to.write(data)));
      from.on("error", () => undefined);
      from.on("close", () => to.destroy());
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    silence: () => {
      silent = true;
    },
    stop: () => void server.close(),
  };
}

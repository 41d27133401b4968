// The redis driver against real servers: a Redis 7.0 master and replica behind HAProxy. Status by
// layer on both, promote and demote (the former master waits for its replica), fence and unfence
// in both modes and of a peer, crash and stall faults, clear-fault, and processGone.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { showStat } from "../agent/drivers/haproxy/runtime-api.ts";
import { redisSchema } from "../agent/drivers/redis/config.ts";
import { RedisNode } from "../agent/drivers/redis/node.ts";
import { perform } from "../agent/perform.ts";
import type { AgentAction } from "../agent/protocol.ts";
import { startPair } from "./redis-pair.ts";
import { redis, replicationFields, waitUntil } from "./redis-server.ts";
import type { RealPair } from "./system.ts";

let pair: RealPair;
let nodes: [RedisNode, RedisNode];
let n = 0;

const driver = (i: 0 | 1, extra: Record<string, unknown> = {}) => {
  const section = pair.agentDriver(i, pair.nodes[1 - i]!).redis as object;
  return new RedisNode(
    { agentId: pair.nodes[i].name, name: pair.nodes[i].name },
    redisSchema.parse({ ...section, ...extra }),
  );
};
const act = (node: RedisNode, type: AgentAction["type"], params: Record<string, unknown> = {}) =>
  perform(node, { id: String(++n), type, params });
const checks = async (node: RedisNode) =>
  Object.fromEntries((await node.status()).checks!.map((c) => [c.name, c.ok ? "ok" : c.detail]));
const backend = async () =>
  (await showStat(pair.haproxy.socket))
    .filter((s) => s.backend === pair.haproxy.backend)
    .map((s) => `${s.server} ${s.status}`);

beforeAll(async () => {
  pair = await startPair({ sync: false });
  nodes = [driver(0, { businessCommand: ["EXISTS", "session:probe"] }), driver(1)];
}, 60_000);

afterAll(() => pair?.stop());

it("reports the master and the replica by layer, with replication and peers", async () => {
  await redis(pair.haproxy.port, "SET", "writes:1", "1");
  // Asynchronous: the replica says lag 0 once it has the write (the later tests promote it and count on it).
  let replica = await nodes[1].status();
  await waitUntil(15_000, "redis-2 caught up", async () => {
    replica = await nodes[1].status();
    return replica.replication?.lagBytes === 0;
  });
  const primary = await nodes[0].status();
  expect(primary).toMatchObject({
    role: "primary",
    healthy: true,
    replication: { mode: "async", standbys: [{ name: "redis-2", state: "online", syncState: "async" }] },
    peers: [{ node: "redis-2", reachable: true }],
  });
  expect(primary.checks?.map((c) => `${c.layer}:${c.name}:${c.ok}`)).toEqual([
    "network:tcp:true",
    "process:redis-server:true",
    "application:ping:true",
    "business:command:true",
    "business:writable:true",
  ]);
  expect(replica).toMatchObject({
    role: "standby",
    healthy: true,
    replication: { upstream: "redis-1", mode: "async", lagBytes: 0, lagSeconds: 0 },
  });
  expect(await checks(nodes[1])).toMatchObject({ replication: "ok" });
  expect(await nodes[0].processGone()).toBe(false);
});

it("fences by pausing writes and taking the node out of HAProxy; unfence lets writes in again", async () => {
  expect(await act(nodes[0], "fence")).toEqual({
    status: "done",
    detail: "fenced: writes paused (CLIENT PAUSE WRITE); out of HAProxy redis_write",
  });
  expect(await checks(nodes[0])).toMatchObject({ writable: "fenced: CLIENT PAUSE WRITE in force" });
  expect(await act(nodes[0], "unfence")).toEqual({ status: "done", detail: "unfenced: writes accepted" });
  expect(await checks(nodes[0])).toMatchObject({ writable: "ok" });
  expect(await act(nodes[1], "fence", { node: "redis-1" })).toEqual({
    status: "done",
    detail: "redis-1 taken out of HAProxy redis_write",
  });
  expect(await backend()).toEqual(["redis-1 MAINT", "redis-2 MAINT"]);
});

it("promotes the replica (HAProxy follows) and demotes the former master once it has every write", async () => {
  expect(await act(nodes[1], "promote")).toEqual({
    status: "done",
    detail: "promoted (REPLICAOF NO ONE); HAProxy redis_write sends writes to redis-2 only",
  });
  expect(await backend()).toEqual(["redis-1 MAINT", "redis-2 no check"]);
  await redis(pair.haproxy.port, "SET", "writes:2", "2");
  const demoted = await act(nodes[0], "demote", { upstream: "redis-2" });
  expect(demoted).toEqual({ status: "done", detail: "now a replica of redis-2, link up" });
  expect(await nodes[0].status()).toMatchObject({ role: "standby", replication: { upstream: "redis-2" } });
  // Its config file says so too: started again, it is still redis-2's replica.
  const [, conf] = (pair.agentDriver(0, pair.nodes[1]).redis as { startCommand: string[] }).startCommand;
  expect(readFileSync(conf!, "utf8")).toContain(`replicaof 127.0.0.1 ${pair.nodes[1].port}`);
  expect(await act(nodes[0], "demote", { upstream: "redis-9" })).toMatchObject({
    status: "failed",
    detail: "params.upstream must name a peer (redis-2)",
  });
  // Back as it was, through a switchover's demote: the master pauses until its replica has everything.
  await redis(pair.haproxy.port, "SET", "writes:3", "3");
  const back = await act(nodes[1], "demote", { upstream: "redis-1" });
  expect(back.detail).toMatch(/^redis-1 had every write \(offset \d+\), now a replica of redis-1, link up$/);
  expect(await act(nodes[0], "promote")).toMatchObject({ status: "done" });
  expect(await pair.written("redis-1")).toEqual(new Set([1, 2, 3]));
  await waitReplicating();
});

it("a crash kills the server: process gone, a 503-worthy check; clear-fault starts it again", async () => {
  expect(await act(nodes[1], "inject-fault", { kind: "crash" })).toMatchObject({
    status: "done",
    detail: expect.stringMatching(/^killed redis-server \d+ \(SIGKILL\)$/),
  });
  expect(await nodes[1].processGone()).toBe(true);
  const status = await nodes[1].status();
  expect(status.checks?.find((c) => c.layer === "process")).toMatchObject({ ok: false, gone: true });
  // Its master sees the replica go and stays healthy (async: it needs no replica to take writes).
  expect(await nodes[0].status()).toMatchObject({ healthy: true, replication: { standbys: [] } });
  expect(await act(nodes[1], "clear-fault")).toEqual({ status: "done", detail: "started" });
  expect(await nodes[1].processGone()).toBe(false);
  // Started from its config file it comes back a master of nothing: the console rejoins it.
  expect(await act(nodes[1], "demote", { upstream: "redis-1" })).toMatchObject({ status: "done" });
  await waitReplicating();
});

it("a stall stops the server (SIGSTOP) until the bound or clear-fault; the replica's link survives it", async () => {
  expect(await act(nodes[0], "inject-fault", { kind: "stall", ms: 60_000 })).toMatchObject({
    status: "done",
    detail: expect.stringMatching(/^stopped redis-server \d+ \(SIGSTOP\)$/),
  });
  expect(await checks(nodes[0])).toMatchObject({ "redis-server": expect.stringMatching(/is stopped \(SIGSTOP\)/) });
  expect(await nodes[0].processGone()).toBe(false);
  expect(await checks(nodes[1])).toMatchObject({ replication: "ok" });
  expect(await act(nodes[0], "clear-fault")).toEqual({ status: "done", detail: "continued (SIGCONT)" });
  expect((await nodes[0].status()).healthy).toBe(true);
  expect(await act(nodes[0], "inject-fault", { kind: "stall", ms: 300 })).toMatchObject({ status: "done" });
  await expect.poll(async () => (await nodes[0].status()).healthy, { timeout: 5_000 }).toBe(true);
});

it("fence: stop shuts the server down; unfence starts it, writes accepted", async () => {
  const stopping = driver(0, { fence: "stop" });
  expect(await act(stopping, "fence")).toEqual({
    status: "done",
    detail: "shut down (SHUTDOWN NOSAVE); out of HAProxy redis_write",
  });
  expect(await stopping.processGone()).toBe(true);
  expect(await act(stopping, "unfence")).toEqual({ status: "done", detail: "started, unfenced: writes accepted" });
  expect(await checks(stopping)).toMatchObject({ writable: "ok" });
});

it("a sync master whose replica is gone says writes are refused", async () => {
  await redis(pair.nodes[0].port, "CONFIG", "SET", "min-replicas-to-write", "1");
  await pair.kill("redis-2");
  await expect
    .poll(async () => (await checks(nodes[0])).writable, { timeout: 5_000 })
    .toBe("writes refused: min-replicas-to-write 1, 0 replicas within min-replicas-max-lag");
});

async function waitReplicating() {
  await expect
    .poll(async () => (await replicationFields(pair.nodes[1].port)).master_link_status, { timeout: 20_000 })
    .toBe("up");
}

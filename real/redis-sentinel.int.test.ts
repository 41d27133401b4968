// The redis driver on a pair three real Sentinels watch (quorum 2, down after 1 s): Sentinel's
// view in the status and the peers, promote asking Sentinel to fail over (HAProxy follows), and
// demote left to Sentinel.
import { afterAll, beforeAll, expect, it } from "vitest";
import { showStat } from "../agent/drivers/haproxy/runtime-api.ts";
import { redisSchema } from "../agent/drivers/redis/config.ts";
import { RedisNode } from "../agent/drivers/redis/node.ts";
import { perform } from "../agent/perform.ts";
import type { AgentAction } from "../agent/protocol.ts";
import { startSentinelPair } from "./redis-pair.ts";
import { replicationFields } from "./redis-server.ts";
import type { RealPair } from "./system.ts";

let pair: RealPair;
let nodes: [RedisNode, RedisNode];
let n = 0;

const act = (node: RedisNode, type: AgentAction["type"], params: Record<string, unknown> = {}) =>
  perform(node, { id: String(++n), type, params });
const sentinelCheck = async (node: RedisNode) => (await node.status()).checks?.find((c) => c.name === "sentinel");

beforeAll(async () => {
  pair = await startSentinelPair({ sync: false });
  const driver = (i: 0 | 1) =>
    new RedisNode(
      { agentId: pair.nodes[i].name, name: pair.nodes[i].name },
      // A demote waits only a second for Sentinel to make the node its replica: the refusal below is quick.
      redisSchema.parse({ ...(pair.agentDriver(i, pair.nodes[1 - i]!).redis as object), demoteWaitMs: 1_000 }),
    );
  nodes = [driver(0), driver(1)];
}, 90_000);

afterAll(() => pair?.stop());

it("reports Sentinel's master as an application check, the peers as Sentinel sees them too", async () => {
  expect(pair.managedBy).toBe("sentinel");
  expect(await sentinelCheck(nodes[1])).toEqual({
    layer: "application",
    name: "sentinel",
    ok: true,
    detail: "Sentinel names redis-1 master (3 sentinels answer)",
  });
  expect(await nodes[1].status()).toMatchObject({ role: "standby", healthy: true, peers: [{ reachable: true }] });
});

it("leaves demote to Sentinel: done where the node already follows Sentinel's master, else unsupported", async () => {
  expect(await act(nodes[1], "demote", { upstream: "redis-1" })).toEqual({
    status: "done",
    detail: "a replica of redis-1 (Sentinel's master)",
  });
  expect(await act(nodes[0], "demote", { upstream: "redis-2" })).toEqual({
    status: "unsupported",
    detail:
      "Sentinel reconfigures replicas itself (it names redis-1 master, and did not make this node its replica " +
      "within 1 s); this agent makes a Sentinel-managed node a replica only of the master Sentinel names",
  });
});

it("promote asks Sentinel to fail over, waits for it, and makes HAProxy send writes to the new master", async () => {
  expect(await act(nodes[1], "promote")).toEqual({
    status: "done",
    detail: "Sentinel failed over to redis-2; HAProxy redis_write sends writes to redis-2 only",
  });
  expect((await sentinelCheck(nodes[1]))?.detail).toBe("Sentinel names redis-2 master (3 sentinels answer)");
  const backend = (await showStat(pair.haproxy.socket)).filter((s) => s.backend === pair.haproxy.backend);
  expect(backend.map((s) => `${s.server} ${s.status}`)).toEqual(["redis-1 MAINT", "redis-2 no check"]);
  expect(await act(nodes[1], "promote")).toMatchObject({
    status: "done",
    detail: expect.stringMatching(/^already primary \(Sentinel's master\)/),
  });
  // Sentinel turns the old master into a replica of the new one itself.
  await expect
    .poll(async () => (await replicationFields(pair.nodes[0].port)).master_port, { timeout: 30_000 })
    .toBe(String(pair.nodes[1].port));
});

it("a promote that only follows Sentinel does nothing on a node Sentinel does not name master", async () => {
  // The console's follower sends it: it must never start a failover of its own.
  expect(await act(nodes[0], "promote", { follow: true })).toEqual({
    status: "failed",
    detail: "Sentinel names redis-2 master, not this node: nothing done",
  });
  expect((await sentinelCheck(nodes[0]))?.detail).toBe("Sentinel names redis-2 master (3 sentinels answer)");
  expect((await replicationFields(pair.nodes[0].port)).role).toBe("slave");
});

it("a peer Sentinel counts down is unreachable, though its port still accepts connections", async () => {
  await pair.stall("redis-1", true);
  try {
    await expect
      .poll(async () => (await nodes[1].status()).peers, { timeout: 15_000, interval: 250 })
      .toEqual([{ node: "redis-1", reachable: false }]);
  } finally {
    await pair.stall("redis-1", false);
  }
});

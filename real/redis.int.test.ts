// A real Redis 7.0 pair end to end: master and replica behind HAProxy, an agent per node with the
// redis driver, the console with the automatic policy and default detection settings. The
// primary-crash drill under a writer (async; sync: min-replicas-to-write and WAIT-acknowledged
// writes, none may be lost), a node lost outright, a 2 s stall that must cost nothing, a switchover.
import { afterEach, expect, it } from "vitest";
import { freshDatabaseUrl, uniqueName } from "../server/testing/databases.ts";
import { crashDrill } from "./crash-drill.ts";
import { loseNode, switchOver } from "./lost-node.ts";
import { startPair, startSentinelPair } from "./redis-pair.ts";
import { type Rig, startRig } from "./rig.ts";
import type { StartPair } from "./system.ts";
import { stallUnderWriter } from "./stall-writes.ts";

let rig: Rig | undefined;

/** A rig over a Redis pair, or over one three Sentinels manage. */
const redisRig = async (sync: boolean, start: StartPair = startPair) =>
  (rig = await startRig({
    sync,
    databaseUrl: await freshDatabaseUrl(),
    cluster: uniqueName("redis"),
    startPair: start,
  }));

afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

for (const sync of [false, true]) {
  const mode = sync ? "sync (WAIT-acknowledged writes)" : "async";
  it(`a primary-crash drill fails over to the replica, the old master back as its replica, ${mode}`, async () => {
    const result = await crashDrill(await redisRig(sync));
    console.log(`redis failover (${sync ? "sync" : "async"}): ${JSON.stringify(result)}`);
    expect(result.verdict, result.verdictDetail ?? "").toBe("PASS");
    expect(result.newPrimary).toBe("redis-2");
    expect(result.writerRtoMs).not.toBeNull();
    expect(result.oldPrimaryInHaproxy).toBe("MAINT");
    expect(result.restoredAsStandby).toBe(true);
    if (sync) expect(result.lostRows).toBe(0);
  }, 120_000);
}

it("a lost master node (agent and redis-server killed): the console fails over, writes resume", async () => {
  const result = await loseNode(await redisRig(false));
  console.log(`redis lost node: detection ${result.detectionMs} ms, writes resumed after ${result.rtoMs} ms`);
  expect(result.action).toMatchObject({ status: "SUCCEEDED", targetNode: "redis-2" });
  expect(result.rtoMs).not.toBeNull();
  // The target is 2.5 s on an idle machine; the bound here leaves room for a loaded CI runner.
  expect(result.rtoMs!).toBeLessThan(10_000);
}, 90_000);

it("a master that stalls for 2 s costs no failover and no acknowledged write", async () => {
  const result = await stallUnderWriter(await redisRig(true), 2_000);
  console.log(`redis stall of 2 s: events ${JSON.stringify(result.events)}, ${result.acked} writes`);
  expect(result.actions).toBe(0);
  expect(result.node).toEqual({ role: "PRIMARY", state: "HEALTHY", fenced: false });
  expect(result.lost).toBe(0);
}, 60_000);

it("a switchover makes the replica master and brings the old master back as its replica", async () => {
  const result = await switchOver(await redisRig(false));
  console.log(`redis switchover: ${JSON.stringify(result)}`);
  expect(result.action.status, result.action.outcome ?? "").toBe("SUCCEEDED");
  expect(result.nodes).toEqual([
    { name: "redis-1", role: "STANDBY", state: "HEALTHY" },
    { name: "redis-2", role: "PRIMARY", state: "HEALTHY" },
  ]);
  expect(result.streaming).toBe(true);
  expect(result.backend).toEqual(["redis-1 MAINT", "redis-2 no check"]);
  // The old master paused and waited for its replica before following it: nothing acknowledged is lost.
  expect(result.lost, `${result.lost} of ${result.acked} acknowledged writes lost`).toBe(0);
}, 90_000);

it("a Sentinel-managed pair: the primary-crash drill's failover goes through Sentinel, HAProxy follows", async () => {
  rig = await redisRig(false, startSentinelPair);
  const result = await crashDrill(rig);
  console.log(`redis failover through Sentinel: ${JSON.stringify(result)}`);
  expect(result.verdict, result.verdictDetail ?? "").toBe("PASS");
  expect(result.newPrimary).toBe("redis-2");
  // Async: at most what the replica had not received at the crash, a write or two on one machine.
  expect(result.lostRows).toBeLessThan(100);
  // The old master started again as a replica of Sentinel's master: never two masters, not for a poll.
  const split = await rig.db.event.count({ where: { clusterId: rig.clusterId, type: "split_brain" } });
  expect(split).toBe(0);
  expect(result.oldPrimaryInHaproxy).toBe("MAINT");
  expect(result.restoredAsStandby).toBe(true);
}, 120_000);

it("a Sentinel-managed switchover fences the old master, waits for the replica, asks Sentinel: nothing lost", async () => {
  rig = await redisRig(false, startSentinelPair);
  const result = await switchOver(rig);
  console.log(`redis switchover through Sentinel: ${JSON.stringify(result)}`);
  expect(result.action.status, result.action.outcome ?? "").toBe("SUCCEEDED");
  expect(result.nodes.map((n) => `${n.name} ${n.role} ${n.state}`)).toEqual([
    "redis-1 STANDBY HEALTHY",
    "redis-2 PRIMARY HEALTHY",
  ]);
  // Sentinel's failover alone would have thrown away what the old master took while the replica was promoted.
  expect(result.lost, `${result.lost} of ${result.acked} acknowledged writes lost`).toBe(0);
  expect(result.streaming).toBe(true);
  // The fenced old master says writes are refused while Sentinel promotes the other: no split-brain alarm.
  const events = await rig.db.event.findMany({ where: { clusterId: rig.clusterId }, orderBy: { at: "asc" } });
  const timeline = events.map((e) => `${e.at.toISOString()} ${e.type}: ${e.summary}`).join("\n");
  expect(
    events.filter((e) => e.type === "split_brain"),
    timeline,
  ).toEqual([]);
}, 120_000);

// Two console instances (separate processes) on one database, with the default lease: one leads,
// the other stands by. A leader paused for a second keeps leading; one paused for good (SIGSTOP)
// or killed loses leadership, and the other takes over within the lease plus one follower check,
// counted from the lost leader's last renewal as stored. A paused leader that resumes steps down.
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, expect, it } from "vitest";
import { CONTROL_DEFAULTS } from "./options.ts";
import { readLeaderRecord } from "./leader-record.ts";
import { leaderPair, storedLease, takeover, type ControlProcess } from "../testing/control-process.ts";
import { startFleet, waitFor, type Fleet } from "../testing/fleet-harness.ts";

const bound = CONTROL_DEFAULTS.leaseMs + CONTROL_DEFAULTS.leaderCheckMs;
let fleet: Fleet;
let a: ControlProcess;
let b: ControlProcess;

const sampleCount = () => fleet.db.sample.count({ where: { node: { clusterId: fleet.clusterId } } });
const moreSamples = async (what: string) => {
  const before = await sampleCount();
  await waitFor(what, async () => (await sampleCount()) > before + 10);
};

beforeAll(async () => {
  fleet = await startFleet({
    settings: { intervalMs: 250, timeoutMs: 200, failureThreshold: 3 },
    nodes: [
      { name: "p-1", role: "primary" },
      { name: "p-2", role: "standby", upstream: "p-1" },
    ],
  });
  ({ a, b } = await leaderPair(fleet.databaseUrl, fleet.db));
}, 60_000);

afterAll(async () => {
  a?.stop();
  b?.stop();
  await fleet?.stop();
});

it("keeps its leader through a one-second pause", async () => {
  await moreSamples("samples from a");
  const before = await storedLease(fleet.db);
  a.child.kill("SIGSTOP");
  await sleep(1_000); // the fault: a pause as long as a long GC or a busy host
  a.child.kill("SIGCONT");
  const renewed = async () => (await storedLease(fleet.db)).renewedAt.getTime() > before.renewedAt.getTime() + 1_000;
  await waitFor("a to renew after the pause", renewed);
  expect(await storedLease(fleet.db)).toMatchObject({ holder: a.id, epoch: before.epoch });
  expect(b.output()).not.toMatch(/is the leader/);
}, 30_000);

it("hands leadership over within the lease when the leader is paused, and the paused one steps down", async () => {
  a.child.kill("SIGSTOP");
  const { ms, from, to } = await takeover(fleet.db, a.id, b.id);
  console.log(`SIGSTOP takeover: ${ms} ms after the paused leader's last renewal (bound ${bound} ms)`);
  expect(ms).toBeLessThanOrEqual(bound);
  expect(to.epoch).toBe(from.epoch + 1n);
  await b.said(/is the leader \(epoch/);
  await moreSamples("samples from b");
  expect(await readLeaderRecord(fleet.db)).toMatchObject({ instanceId: b.id, epoch: Number(to.epoch) });

  a.child.kill("SIGCONT");
  await a.said(/lost leadership/);
  expect((await storedLease(fleet.db)).holder).toBe(b.id);
  const nodes = await fleet.db.node.findMany({ where: { clusterId: fleet.clusterId }, select: { state: true } });
  expect(nodes.map((n) => n.state)).toEqual(["HEALTHY", "HEALTHY"]);
}, 30_000);

it("hands leadership back within the lease when the leader dies", async () => {
  b.child.kill("SIGKILL");
  const { ms } = await takeover(fleet.db, b.id, a.id);
  console.log(`SIGKILL takeover: ${ms} ms after the dead leader's last renewal (bound ${bound} ms)`);
  expect(ms).toBeLessThanOrEqual(bound);
  await moreSamples("samples from a again");
  const record = await readLeaderRecord(fleet.db);
  expect(record).toMatchObject({ instanceId: a.id });
  expect(new Date(record!.leaseExpiresAt).getTime()).toBeGreaterThan(Date.now() - 1_000);
}, 30_000);

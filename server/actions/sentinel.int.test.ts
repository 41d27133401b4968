// A cluster Redis Sentinel manages: the console never fails it over by itself, its own failover
// asks Sentinel (through the target's agent), and a failover Sentinel made alone is followed, not
// fought. Simulated agents stand in for Redis and Sentinel; real/ drives the real ones.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startControl, type Control } from "../control/control.ts";
import { eventsOf, startFleet, waitFor, type Fleet } from "../testing/fleet-harness.ts";
import { fleetActions } from "../testing/fleet-actions.ts";
import type { Actor } from "./request.ts";

let fleet: Fleet;
let control: Control;
const lines: string[] = [];
const operator: Actor = { id: null, email: "op@example.com", role: "operator" };
const { run, node, finished } = fleetActions(() => fleet, operator);

beforeAll(async () => {
  fleet = await startFleet({
    settings: { intervalMs: 200, timeoutMs: 150, failureThreshold: 3 },
    nodes: [
      { name: "r-1", role: "primary" },
      { name: "r-2", role: "standby", upstream: "r-1" },
      { name: "r-3", role: "standby", upstream: "r-1" },
    ],
  });
  await fleet.db.cluster.update({
    where: { id: fleet.clusterId },
    data: { system: "redis", managedBy: "sentinel", policy: "AUTOMATIC", cooldownMs: 0 },
  });
  control = startControl(fleet.controlOptions({ log: (line) => void lines.push(line) }));
  await waitFor(
    "healthy fleet",
    async () => (await fleet.db.node.count({ where: { clusterId: fleet.clusterId, state: "HEALTHY" } })) === 3,
  );
});

afterAll(async () => {
  await control?.stop();
  await fleet?.stop();
});

it("points the write path at Sentinel's master when it first leads, asking Sentinel nothing", async () => {
  const pointed = await waitFor("the first repoint", async () => lines.find((l) => l.startsWith("Write path of")));
  expect(pointed).toMatch(/^Write path of .+ pointed at r-1, Sentinel's master \(r-1: already primary/);
  expect(await fleet.db.event.count({ where: { clusterId: fleet.clusterId, type: "sentinel.failover" } })).toBe(0);
});

it("never fails a Sentinel-managed cluster over by itself, even with the automatic policy", async () => {
  await fleet.act("r-1", "inject-fault", { kind: "crash" });
  await waitFor("r-1 confirmed down", async () => (await node("r-1")).confirmedDown);
  const standby = await fleet.db.node.findFirstOrThrow({ where: { clusterId: fleet.clusterId, name: "r-2" } });
  const polls = () => fleet.db.sample.count({ where: { nodeId: standby.id } });
  const before = await polls();
  // Ten more polls of a standby stored after the primary was confirmed down: the action tick ran many times over.
  await waitFor("ten more polls", async () => (await polls()) >= before + 10);
  expect(await fleet.db.action.count({ where: { clusterId: fleet.clusterId } })).toBe(0);
  expect((await node("r-2")).role).toBe("STANDBY");
});

it("asks Sentinel for the operator's failover: no fence, no repoint, only the ask and the check", async () => {
  const { id } = await run({ type: "failover", target: "r-2", params: { acceptDataLoss: true } });
  const doc = await finished(id);
  expect(doc.status).toBe("SUCCEEDED");
  expect(doc.steps.map((s) => s.name)).toEqual(["ask Sentinel to fail over to r-2", "validate r-2 serves as primary"]);
  expect((await node("r-2")).role).toBe("PRIMARY");
});

it("follows a failover Sentinel made alone: repoints, records, says so, and rejoins the former primary", async () => {
  await fleet.act("r-3", "promote");
  await fleet.act("r-2", "demote", { upstream: "r-3" });
  const [followed] = await waitFor("the follow said", async () => {
    const said = await eventsOf(fleet.db, fleet.clusterId, "sentinel.failover");
    return said.length ? said : undefined;
  });
  expect((await node("r-3")).role).toBe("PRIMARY");
  expect(followed?.summary).toMatch(/^Sentinel made r-3 the primary of .+ in place of r-2; the console follows/);
  const audit = await fleet.db.auditEntry.findFirst({ where: { action: "sentinel.follow" }, orderBy: { seq: "desc" } });
  expect(audit).toMatchObject({ actor: "system", outcome: "followed" });
  await waitFor("r-2 a standby again", async () => (await node("r-2")).role === "STANDBY");
  expect(await fleet.db.action.count({ where: { clusterId: fleet.clusterId } })).toBe(1);
});

it("says a failover Sentinel made while no leader watched: a new leader starts from where the store last saw it", async () => {
  await control.stop();
  await fleet.act("r-2", "promote");
  await fleet.act("r-3", "demote", { upstream: "r-2" });
  control = startControl(fleet.controlOptions({ log: (line) => void lines.push(line) }));
  const said = await waitFor("the second follow said", async () => {
    const events = await eventsOf(fleet.db, fleet.clusterId, "sentinel.failover");
    return events.length === 2 ? events : undefined;
  });
  expect(said.map((e) => e.summary)).toContainEqual(
    expect.stringMatching(/^Sentinel made r-2 the primary of .+ in place of r-3; the console follows/),
  );
  expect((await node("r-2")).role).toBe("PRIMARY");
});

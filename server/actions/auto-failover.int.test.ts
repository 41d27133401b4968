// Automatic policy: a crashed primary is replaced without anyone asking, through the same guarded
// failover, with the settings of the closing measurement (1 s interval, threshold 3, timeout 1 s).
import { afterAll, beforeAll, expect, it } from "vitest";
import { startControl, type Control } from "../control/control.ts";
import { eventsOf, startFleet, waitFor, type Fleet } from "../testing/fleet-harness.ts";

let fleet: Fleet;
let control: Control;

beforeAll(async () => {
  fleet = await startFleet({
    settings: { intervalMs: 1000, timeoutMs: 1000, failureThreshold: 3 },
    nodes: [
      { name: "a-1", role: "primary" },
      { name: "a-2", role: "standby", upstream: "a-1" },
      { name: "a-3", role: "standby", upstream: "a-1", region: "us-east" },
    ],
  });
  await fleet.db.cluster.update({
    where: { id: fleet.clusterId },
    data: { policy: "AUTOMATIC", rpoBudgetBytes: 64n * 1024n * 1024n, rpoBudgetSeconds: 30 },
  });
  control = startControl(fleet.controlOptions());
  await waitFor(
    "healthy fleet",
    async () => (await fleet.db.node.count({ where: { clusterId: fleet.clusterId, state: "HEALTHY" } })) === 3,
    15_000,
  );
}, 30_000);

afterAll(async () => {
  await control?.stop();
  await fleet?.stop();
});

it("fails over a confirmed-down primary by itself, as system", async () => {
  const crashedAt = Date.now();
  await fleet.act("a-1", "inject-fault", { kind: "crash" });
  const action = await waitFor(
    "a succeeded automatic failover",
    async () =>
      fleet.db.action.findFirst({
        where: { clusterId: fleet.clusterId, automatic: true, status: "SUCCEEDED" },
        select: {
          targetNode: true,
          finishedAt: true,
          steps: { orderBy: { seq: "asc" }, select: { name: true, finishedAt: true } },
        },
      }),
    20_000,
  );
  const down = (await eventsOf(fleet.db, fleet.clusterId, "node.down")).find((e) => e.node?.name === "a-1")!;
  const promoted = action.steps.find((s) => s.name.startsWith("promote"))!.finishedAt!;
  console.log(
    `automatic failover: detected ${down.at.getTime() - crashedAt} ms after the crash; ` +
      `new primary promoted ${promoted.getTime() - down.at.getTime()} ms ` +
      `and validated serving ${action.finishedAt!.getTime() - down.at.getTime()} ms after confirmed-down`,
  );
  expect(down.summary).toMatch(/confirmed by 2\/2 peers/);
  expect(["a-2", "a-3"]).toContain(action.targetNode);
  const audit = await fleet.db.auditEntry.findFirst({
    where: { actor: "system", action: "action.failover" },
    orderBy: { seq: "desc" },
  });
  expect(audit?.reason).toBe("automatic: primary a-1 confirmed down");
  expect(action.finishedAt!.getTime() - down.at.getTime()).toBeLessThan(5_000);
}, 30_000);

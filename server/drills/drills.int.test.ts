// Drills against real simulated agents over HTTP, with the control loop on a fresh database: an
// unattended drill runs to a verdict with its figures; abort, a stop condition and the global
// halt each end a drill with the cluster restored.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "../actions/request.ts";
import { startControl, type Control } from "../control/control.ts";
import { setHalt } from "../halt/halt.ts";
import { startFleet, waitFor, type Fleet } from "../testing/fleet-harness.ts";
import { advanceDrill, abortDrill } from "./operator.ts";
import { startDrill } from "./request.ts";
import type { DrillStartRequest } from "./types.ts";

const OPERATOR: Actor = { id: null, email: "drill-tester", role: "operator" };
let fleet: Fleet;
let control: Control;

beforeAll(async () => {
  fleet = await startFleet({
    settings: { intervalMs: 300, timeoutMs: 300, failureThreshold: 3 },
    nodes: [
      { name: "d-1", role: "primary" },
      { name: "d-2", role: "standby", upstream: "d-1" },
      { name: "d-3", role: "standby", upstream: "d-1", region: "us-east" },
    ],
  });
  await fleet.db.cluster.update({ where: { id: fleet.clusterId }, data: { cooldownMs: 0, rtoTargetMs: 10_000 } });
  control = startControl(fleet.controlOptions({ actionCheckMs: 100 }));
  await healthy();
}, 30_000);

afterAll(async () => {
  await control?.stop();
  await fleet?.stop();
});

const healthy = () =>
  waitFor(
    "a healthy cluster",
    async () =>
      (await fleet.db.node.count({ where: { clusterId: fleet.clusterId, state: "HEALTHY", fenced: false } })) === 3,
    20_000,
  );
const start = (request: Partial<DrillStartRequest> & { scenario: DrillStartRequest["scenario"] }, unattended = true) =>
  startDrill(
    fleet.db,
    OPERATOR,
    fleet.cluster,
    { reason: "game day", confirm: fleet.cluster, stopConditions: {}, ...request },
    { unattended },
  );
const finished = (id: string) =>
  waitFor(
    `drill ${id} to finish`,
    () =>
      fleet.db.drill.findFirst({
        where: { id, status: { not: "RUNNING" } },
        include: { phases: { orderBy: { seq: "asc" } } },
      }),
    30_000,
  );
const primary = async () =>
  (await fleet.db.node.findFirst({ where: { clusterId: fleet.clusterId, role: "PRIMARY" }, select: { name: true } }))
    ?.name;

it("runs an unattended primary-crash drill to a verdict with its figures, and leaves the cluster whole", async () => {
  const { id } = await start({ scenario: "primary-crash" });
  const drill = await finished(id);
  expect(drill.phases.map((p) => `${p.name}:${p.status}`)).toEqual([
    "inject:SUCCEEDED",
    "detect:SUCCEEDED",
    "failover:SUCCEEDED",
    "verify:SUCCEEDED",
    "restore:SUCCEEDED",
  ]);
  expect(drill.verdict).toBe("PASS");
  const m = drill.measurements as { detectionMs: number; failoverMs: number; rtoMs: number; rpoBytes: number };
  console.log(`drill figures: ${JSON.stringify(m)}`);
  expect(m.detectionMs).toBeGreaterThan(0);
  expect(m.detectionMs).toBeLessThan(3 * 300 + 300 + 1000);
  expect(m.failoverMs).toBeGreaterThanOrEqual(m.detectionMs);
  expect(m.rtoMs).toBeGreaterThan(m.failoverMs);
  expect(m.rpoBytes).toBeGreaterThanOrEqual(0);
  expect(["d-2", "d-3"]).toContain(await primary());
  await healthy();
  const old = await fleet.db.node.findFirstOrThrow({
    where: { clusterId: fleet.clusterId, name: "d-1" },
    select: { role: true, fenced: true },
  });
  expect(old).toEqual({ role: "STANDBY", fenced: false });
  const marked = await fleet.db.event.findMany({
    where: { clusterId: fleet.clusterId, drillId: id },
    select: { type: true, node: { select: { name: true } } },
  });
  expect(marked.map((e) => e.type)).toEqual(
    expect.arrayContaining(["node.down", "node.recovered", "action.succeeded", "drill.result"]),
  );
  // Only the faulted node's events and the drill's own doings are drill traffic.
  expect(new Set(marked.map((e) => e.node?.name).filter(Boolean))).toEqual(new Set(["d-1"]));
  const real = await fleet.db.event.create({
    data: { type: "node.down", severity: "CRITICAL", summary: "unrelated", clusterId: fleet.clusterId },
  });
  expect(real.drillId).toBeNull();
  const audit = await fleet.db.auditEntry.findMany({
    where: { action: { startsWith: "drill." } },
    select: { action: true },
  });
  expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["drill.start", "drill.phase", "drill.finish"]));
}, 40_000);

it("restores the cluster when an operator aborts a click-through drill after the fault went in", async () => {
  const before = await primary();
  const { id } = await start({ scenario: "primary-crash" }, false);
  await expect(advanceDrill(fleet.db, OPERATOR, id, "detect")).rejects.toThrow(/next phase is inject/);
  await advanceDrill(fleet.db, OPERATOR, id, "inject");
  await waitFor(
    "the fault",
    async () =>
      (await fleet.db.node.findFirst({
        where: { clusterId: fleet.clusterId, name: before, state: { not: "HEALTHY" } },
      })) !== null,
    10_000,
  );
  await abortDrill(fleet.db, OPERATOR, id, "enough");
  const drill = await finished(id);
  expect(drill.verdict).toBe("ABORTED");
  expect(drill.abortReason).toBe("drill-tester: enough");
  expect(drill.phases.map((p) => p.status)).toEqual(["SUCCEEDED", "SKIPPED", "SKIPPED", "SKIPPED", "SUCCEEDED"]);
  await healthy();
  expect(await primary()).toBe(before);
}, 40_000);

it("aborts on a stop condition (a standby outside the fault lags past the limit) and restores", async () => {
  const [slowed, other] = (
    await fleet.db.node.findMany({
      where: { clusterId: fleet.clusterId, role: "STANDBY" },
      orderBy: { name: "asc" },
      select: { name: true },
    })
  ).map((n) => n.name);
  const { id } = await start(
    { scenario: "standby-lag", target: slowed, stopConditions: { maxLagBytes: 8 * 1024 * 1024 } },
    false,
  );
  await advanceDrill(fleet.db, OPERATOR, id, "inject");
  // The faulted standby's own lag is the drill's doing; trouble elsewhere is what stops it.
  await fleet.act(other!, "inject-fault", { kind: "lag", bytesPerSec: 16 * 1024 * 1024 });
  const drill = await finished(id);
  await fleet.act(other!, "clear-fault", {});
  expect(drill.verdict).toBe("ABORTED");
  expect(drill.abortReason).toMatch(new RegExp(`stop condition: ${other} lags .* over the limit of 8 MiB`));
  expect(drill.phases.at(-1)?.status).toBe("SUCCEEDED");
  await healthy();
}, 40_000);

it("the global halt stops a running drill and refuses new ones until lifted", async () => {
  const { id } = await start({ scenario: "standby-lag" }, false);
  await advanceDrill(fleet.db, OPERATOR, id, "inject");
  await setHalt(fleet.db, OPERATOR, true, "incident in progress");
  const drill = await finished(id);
  expect(drill.verdict).toBe("ABORTED");
  expect(drill.abortReason).toMatch(/global halt is on/);
  await expect(start({ scenario: "standby-lag" })).rejects.toThrow(/halt-off: the global halt is on/);
  await setHalt(fleet.db, OPERATOR, false, "over");
  await healthy();
}, 40_000);

it("aborts a click-through drill nobody advanced for 15 minutes", async () => {
  const { id } = await start({ scenario: "standby-lag" }, false);
  await fleet.db.drill.update({ where: { id }, data: { startedAt: new Date(Date.now() - 16 * 60_000) } });
  const drill = await finished(id);
  expect(drill.verdict).toBe("ABORTED");
  expect(drill.abortReason).toMatch(/^nobody advanced this click-through drill for 15(\.0)? min$/);
  expect(drill.phases.map((p) => p.status)).toEqual(["SKIPPED", "SKIPPED", "SKIPPED", "SKIPPED", "SKIPPED"]);
}, 20_000);

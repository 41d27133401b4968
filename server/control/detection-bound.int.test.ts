// The detection bound holds for several settings: crash → DOWN event within
// failureThreshold × intervalMs + timeoutMs, measured from the moment of injection.
import { afterAll, beforeAll, expect, it } from "vitest";
import { detectionBoundMs } from "../detection/bound.ts";
import { eventsOf, startFleet, waitFor, type Fleet } from "../testing/fleet-harness.ts";
import { startControl, type Control } from "./control.ts";

let fleet: Fleet;
let control: Control;

beforeAll(async () => {
  fleet = await startFleet({
    settings: { intervalMs: 200, timeoutMs: 150, failureThreshold: 3 },
    nodes: [
      { name: "a-1", role: "active" },
      { name: "a-2", role: "active" },
      { name: "a-3", role: "active" },
    ],
  });
  control = startControl(fleet.controlOptions({ fleetRefreshMs: 100 }));
});

afterAll(async () => {
  await control?.stop();
  await fleet?.stop();
});

// A crash fails each poll at once; a hung agent makes each poll wait out the timeout (the worst
// case). Its peers still reach the hung one, so it is reported isolated rather than down.
const CASES = [
  { fault: { kind: "crash" }, settings: { intervalMs: 100, timeoutMs: 80, failureThreshold: 5 } },
  { fault: { kind: "crash" }, settings: { intervalMs: 250, timeoutMs: 200, failureThreshold: 2 } },
  { fault: { kind: "slow", delayMs: 5_000 }, settings: { intervalMs: 250, timeoutMs: 200, failureThreshold: 2 } },
  { fault: { kind: "slow", delayMs: 5_000 }, settings: { intervalMs: 400, timeoutMs: 300, failureThreshold: 1 } },
];

it.each(CASES)("detects $fault.kind within the bound at $settings", async ({ fault, settings }) => {
  await fleet.db.cluster.update({ where: { id: fleet.clusterId }, data: settings });
  await waitFor("the new settings in force and every node healthy", async () => {
    const nodes = await fleet.db.node.findMany({ where: { clusterId: fleet.clusterId }, select: { state: true } });
    return control.poller.intervals().includes(settings.intervalMs) && nodes.every((n) => n.state === "HEALTHY");
  });
  const downEvents = async () =>
    (await eventsOf(fleet.db, fleet.clusterId)).filter((e) => e.type === "node.down" || e.type === "node.isolated");
  const before = (await downEvents()).length;
  const injectedAt = Date.now();
  await fleet.act("a-2", "inject-fault", fault);
  const down = await waitFor("a-2 down", async () => (await downEvents())[before]).finally(() =>
    fleet.act("a-2", "clear-fault"),
  );
  const measured = down.at.getTime() - injectedAt;
  const bound = detectionBoundMs(settings);
  // A busy machine starts a timer late; the bound holds up to that lateness, which the poller measures.
  const late = control.poller.stats().maxLateMs;
  console.log(
    `${fault.kind}: detection ${measured} ms, bound ${bound} ms, ` +
      `timers late by up to ${late} ms (${JSON.stringify(settings)})`,
  );
  expect(measured).toBeLessThanOrEqual(bound + late + 10);
});

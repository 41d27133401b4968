// Push mode end to end: an agent the console cannot poll pushes its status over HTTP to the
// report endpoint; the leader judges the node from those reports, and silence makes it DOWN.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Db } from "../db/client.ts";
import { startControl, type Control } from "../control/control.ts";
import { eventsOf, startFleet, waitFor, type Fleet } from "../testing/fleet-harness.ts";
import { startReportServer, type ReportServer } from "../testing/report-server.ts";

let reports: ReportServer;
let fleet: Fleet;
let control: Control;
let db: Db | undefined;

beforeAll(async () => {
  reports = await startReportServer(() => db!);
  fleet = await startFleet({
    settings: { intervalMs: 200, timeoutMs: 150, failureThreshold: 3 },
    nodes: [
      { name: "nat-1", role: "primary", pushTo: reports.url },
      { name: "nat-2", role: "standby", upstream: "nat-1", pushTo: reports.url },
    ],
  });
  db = fleet.db;
  control = startControl(fleet.controlOptions());
});

afterAll(async () => {
  await control?.stop();
  await fleet?.stop();
  await reports?.stop();
});

it("keeps a push-only node healthy from its reports and marks it down when they stop", async () => {
  const state = async (name: string) =>
    (await fleet.db.node.findFirstOrThrow({ where: { clusterId: fleet.clusterId, name }, select: { state: true } }))
      .state;
  await waitFor(
    "both push-only nodes healthy",
    async () => (await state("nat-1")) === "HEALTHY" && (await state("nat-2")) === "HEALTHY",
  );
  const pushed = await fleet.db.sample.count({
    where: { node: { clusterId: fleet.clusterId, name: "nat-1" }, reachable: true },
  });
  expect(pushed).toBeGreaterThan(0);

  await fleet.act("nat-1", "inject-fault", { kind: "crash" });
  await waitFor("nat-1 down", async () => (await state("nat-1")) === "DOWN");
  const down = (await eventsOf(fleet.db, fleet.clusterId, "node.down")).at(-1);
  expect(down?.summary).toMatch(
    /nat-1 \(primary\) is down: 3 polls failed in a row \(no report pushed in time\); confirmed by 1\/1 peers/,
  );
  await fleet.act("nat-1", "clear-fault");
  await waitFor("nat-1 recovered", async () => (await state("nat-1")) === "HEALTHY");
});

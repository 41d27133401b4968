// A certain death needs no waiting: an agent that sees its service's process gone tells the console
// at once, the leader polls it out of turn and marks it DOWN, confirmed by its own agent, without
// waiting for the failure threshold; a node that only stops answering still waits for it.
import { afterAll, beforeAll, expect, it } from "vitest";
import { eventsOf, startFleet, waitFor, type Fleet } from "../testing/fleet-harness.ts";
import { startReportServer, type ReportServer } from "../testing/report-server.ts";
import { startControl, type Control } from "./control.ts";

const INTERVAL_MS = 4_000;
let reports: ReportServer;
let fleet: Fleet;
let control: Control;

beforeAll(async () => {
  reports = await startReportServer(() => fleet.db);
  const notifyTo = reports.url;
  fleet = await startFleet({
    settings: { intervalMs: INTERVAL_MS, timeoutMs: 500, failureThreshold: 3 },
    nodes: [
      { name: "kd-1", role: "primary", notifyTo },
      { name: "kd-2", role: "standby", upstream: "kd-1", notifyTo },
      { name: "kd-3", role: "standby", upstream: "kd-1", notifyTo },
    ],
  });
  await fleet.db.cluster.update({ where: { id: fleet.clusterId }, data: { policy: "AUTOMATIC", cooldownMs: 0 } });
  control = startControl(fleet.controlOptions());
  await waitFor(
    "healthy fleet",
    async () => (await fleet.db.node.count({ where: { clusterId: fleet.clusterId, state: "HEALTHY" } })) === 3,
    15_000,
  );
});

afterAll(async () => {
  await control?.stop();
  await fleet?.stop();
  await reports?.stop();
});

const eventsAfter = async (node: string, since: Date) =>
  (await eventsOf(fleet.db, fleet.clusterId)).filter(
    (e) => e.node?.name === node && e.at >= since && e.type.startsWith("node."),
  );

it("marks a primary whose process is gone DOWN at once, confirmed by its own agent, and fails over", async () => {
  const killedAt = new Date();
  await fleet.act("kd-1", "inject-fault", { kind: "kill" });
  const down = await waitFor(
    "kd-1 down",
    async () => (await eventsAfter("kd-1", killedAt)).find((e) => e.type === "node.down"),
    15_000,
  );
  // Not one missed poll first: the agent's word is enough, long before a second round could come.
  expect((await eventsAfter("kd-1", killedAt)).map((e) => e.type)).toEqual(["node.down"]);
  expect(down.at.getTime() - killedAt.getTime()).toBeLessThan(INTERVAL_MS);
  expect(down.summary).toMatch(
    new RegExp(
      /^kd-1 \(primary\) is down: the agent reports the service gone /.source +
        /\(tcp: connection refused; postmaster: no postmaster running\); /.source +
        /no need to wait for 3 polls; confirmed by its own agent$/.source,
    ),
  );
  const failover = await waitFor(
    "the automatic failover",
    async () => {
      const action = await fleet.db.action.findFirst({
        where: { clusterId: fleet.clusterId, type: "FAILOVER" },
        select: { status: true, targetNode: true },
      });
      return action?.status === "SUCCEEDED" || action?.status === "FAILED" ? action : undefined;
    },
    20_000,
  );
  expect(failover.status).toBe("SUCCEEDED");
});

it("still waits for the failure threshold when a node only stops answering", async () => {
  const stalledAt = new Date();
  await fleet.act("kd-3", "inject-fault", { kind: "slow", delayMs: 3_000 });
  try {
    const first = await waitFor("kd-3 missing a poll", async () => (await eventsAfter("kd-3", stalledAt))[0], 15_000);
    expect(first.type).toBe("node.suspect");
  } finally {
    await fleet.act("kd-3", "clear-fault");
  }
});

// The automatic failover is judged again while the outage lasts: a refusal is said once, and the
// failover goes ahead as soon as its guards allow it, instead of once per outage and never again.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startControl, type Control } from "../control/control.ts";
import { eventsOf, startFleet, waitFor, type Fleet } from "../testing/fleet-harness.ts";

let fleet: Fleet;
let control: Control;

beforeAll(async () => {
  fleet = await startFleet({
    settings: { intervalMs: 200, timeoutMs: 150, failureThreshold: 3 },
    nodes: [
      { name: "ar-1", role: "primary" },
      { name: "ar-2", role: "standby", upstream: "ar-1" },
    ],
  });
  // A budget the standby's lag will be over when the primary is lost.
  await fleet.db.cluster.update({
    where: { id: fleet.clusterId },
    data: { policy: "AUTOMATIC", cooldownMs: 0, rpoBudgetBytes: 1024n, rpoBudgetSeconds: 0 },
  });
  control = startControl(fleet.controlOptions());
  await waitFor(
    "healthy fleet",
    async () => (await fleet.db.node.count({ where: { clusterId: fleet.clusterId, state: "HEALTHY" } })) === 2,
  );
});

afterAll(async () => {
  await control?.stop();
  await fleet?.stop();
});

it("says a refusal once, and fails over once the guards allow it", async () => {
  await fleet.act("ar-2", "inject-fault", { kind: "lag", bytesPerSec: 1e8 });
  await waitFor("ar-2 lagging", async () => {
    const n = await fleet.db.node.findFirstOrThrow({
      where: { clusterId: fleet.clusterId, name: "ar-2" },
      select: { lastStatus: true },
    });
    return ((n.lastStatus as { replication?: { lagBytes?: number } }).replication?.lagBytes ?? 0) > 1024 * 1024;
  });
  await fleet.act("ar-1", "inject-fault", { kind: "kill" });
  const refused = await waitFor(
    "the refusal",
    async () => (await eventsOf(fleet.db, fleet.clusterId, "failover.refused"))[0],
  );
  expect(refused.summary).toMatch(/lag-within-rpo: ar-2 lags/);
  await fleet.db.cluster.update({ where: { id: fleet.clusterId }, data: { rpoBudgetBytes: 1n << 40n } });
  const action = await waitFor(
    "the failover, once allowed",
    async () =>
      fleet.db.action.findFirst({
        where: { clusterId: fleet.clusterId, automatic: true, status: "SUCCEEDED" },
        select: { targetNode: true },
      }),
    20_000,
  );
  expect(action.targetNode).toBe("ar-2");
  // Judged on every tick meanwhile, the refusal that stood was said once, and audited once.
  expect(await eventsOf(fleet.db, fleet.clusterId, "failover.refused")).toHaveLength(1);
  const refusedAudits = await fleet.db.auditEntry.count({
    where: { actor: "system", action: "action.failover", outcome: "refused by guards" },
  });
  expect(refusedAudits).toBe(1);
});

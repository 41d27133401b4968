// Lag at loss: once the primary is gone, a standby's lag is what it was at the primary's last
// contact, so an outage that lasts does not turn a caught-up standby into one "too far behind".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seconds } from "../../lib/format.ts";
import { startControl, type Control } from "../control/control.ts";
import { startFleet, waitFor, type Fleet } from "../testing/fleet-harness.ts";
import { planFor, type Actor } from "./request.ts";

let fleet: Fleet;
let control: Control;
const operator: Actor = { id: null, email: "op@example.com", role: "operator" };
const RPO_SECONDS = 1;

beforeAll(async () => {
  fleet = await startFleet({
    settings: { intervalMs: 200, timeoutMs: 150, failureThreshold: 3 },
    nodes: [
      { name: "db-1", role: "primary" },
      { name: "db-2", role: "standby", upstream: "db-1" },
      { name: "db-3", role: "standby", upstream: "db-1" },
    ],
  });
  await fleet.db.cluster.update({ where: { id: fleet.clusterId }, data: { rpoBudgetSeconds: RPO_SECONDS } });
  control = startControl(fleet.controlOptions());
  await waitFor(
    "healthy fleet",
    async () => (await fleet.db.node.count({ where: { clusterId: fleet.clusterId, state: "HEALTHY" } })) === 3,
  );
});

afterAll(async () => {
  await control?.stop();
  await fleet?.stop();
});

describe("lag at loss", () => {
  it("judges a failover by the standby's lag when the primary was last seen, however long the outage", async () => {
    await fleet.act("db-1", "inject-fault", { kind: "crash" });
    const lost = await waitFor("db-1 confirmed down", async () => {
      const row = await fleet.db.node.findFirstOrThrow({
        where: { clusterId: fleet.clusterId, name: "db-1" },
        select: { confirmedDown: true, lastSeenAt: true },
      });
      return row.confirmedDown && row.lastSeenAt;
    });
    const standby = await fleet.db.node.findFirstOrThrow({
      where: { clusterId: fleet.clusterId, name: "db-2" },
      select: { id: true },
    });
    // Its last sample at the loss, or the one polled in the same round just after.
    const before = await fleet.db.sample.findFirst({
      where: { nodeId: standby.id, reachable: true, at: { lte: lost } },
      orderBy: { at: "desc" },
    });
    const atLoss =
      before ??
      (await fleet.db.sample.findFirstOrThrow({
        where: { nodeId: standby.id, reachable: true, at: { gt: lost } },
        orderBy: { at: "asc" },
      }));
    // Outlast the RPO budget in seconds several times over, counted in the standby's own samples.
    await waitFor(
      "an outage three times the RPO budget",
      async () =>
        (await fleet.db.sample.count({
          where: { nodeId: standby.id, reachable: true, at: { gt: new Date(lost.getTime() + 3_000 * RPO_SECONDS) } },
        })) > 0,
    );
    const plan = await planFor(fleet.db, operator, fleet.cluster, {
      type: "failover",
      target: "db-2",
      params: { acceptDataLoss: true },
    });
    const lag = plan.guards.find((g) => g.id === "lag-within-rpo");
    const time = lost.toISOString().slice(11, 19);
    expect(lag, JSON.stringify(plan.guards)).toMatchObject({ ok: true });
    expect(lag?.reason).toContain(`${seconds(atLoss.lagSeconds)} at ${time} UTC, when db-1 was last seen`);
    expect(plan.lossMoment).toEqual({ primary: "db-1", at: lost.toISOString() });
    expect(plan.allowed, JSON.stringify(plan.guards)).toBe(true);
    const again = await planFor(fleet.db, operator, fleet.cluster, {
      type: "failover",
      target: "db-2",
      params: { acceptDataLoss: true },
    });
    expect(again.guards.find((g) => g.id === "lag-within-rpo")?.reason).toBe(lag?.reason);
  });
});

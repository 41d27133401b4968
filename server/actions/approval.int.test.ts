// A failover that may lose data waits for a second operator where the cluster asks for one.
import { afterAll, beforeAll, expect, it } from "vitest";
import { startControl, type Control } from "../control/control.ts";
import { randomUUID } from "node:crypto";
import { agentTokenFor } from "../agents/tokens.ts";
import { ActionRunner } from "./runner.ts";
import { TEST_SECRET } from "../testing/fleet-harness.ts";
import { startFleet, waitFor, type Fleet } from "../testing/fleet-harness.ts";
import { approveAction } from "./approve.ts";
import { requestAction } from "./request.ts";
import { runRequestSchema } from "./types.ts";

let fleet: Fleet;
let control: Control;

beforeAll(async () => {
  fleet = await startFleet({
    settings: { intervalMs: 200, timeoutMs: 150, failureThreshold: 3 },
    nodes: [
      { name: "q-1", role: "primary" },
      { name: "q-2", role: "standby", upstream: "q-1" },
    ],
  });
  await fleet.db.cluster.update({
    where: { id: fleet.clusterId },
    data: { requireSecondApproval: true, rpoBudgetBytes: 1n << 40n },
  });
});

afterAll(async () => {
  await control?.stop();
  await fleet?.stop();
});

it("holds a lossy failover until a different operator approves it", async () => {
  control = startControl(fleet.controlOptions({ fleetRefreshMs: 200 }));
  await fleet.act("q-2", "inject-fault", { kind: "lag", bytesPerSec: 1e6 });
  const lagging = async () => {
    const n = await fleet.db.node.findFirstOrThrow({
      where: { clusterId: fleet.clusterId, name: "q-2" },
      select: { lastStatus: true },
    });
    return ((n.lastStatus as { replication?: { lagBytes?: number } }).replication?.lagBytes ?? 0) > 0;
  };
  // Lagging when its primary is lost: what it lacks then is what a failover may lose.
  await waitFor("q-2 lagging", lagging);
  await fleet.act("q-1", "inject-fault", { kind: "crash" });
  await waitFor(
    "q-1 confirmed down",
    async () =>
      (await fleet.db.node.count({ where: { clusterId: fleet.clusterId, name: "q-1", confirmedDown: true } })) === 1,
  );
  const operator = async () => {
    const id = randomUUID();
    return fleet.db.user.create({
      data: { id, name: "op", email: `${id}@example.com`, role: "operator" },
      select: { id: true, email: true, role: true },
    });
  };
  const first = await operator();
  const second = await operator();
  const requested = await requestAction(
    fleet.db,
    first,
    fleet.cluster,
    runRequestSchema.parse({
      type: "failover",
      target: "q-2",
      params: { acceptDataLoss: true },
      reason: "lossy",
      confirm: fleet.cluster,
    }),
  );
  const row = () =>
    fleet.db.action.findUniqueOrThrow({
      where: { id: requested.id },
      select: { status: true, requiresApproval: true, acceptedLossBytes: true },
    });
  expect(await row()).toMatchObject({ status: "PENDING", requiresApproval: true });
  expect(Number((await row()).acceptedLossBytes)).toBeGreaterThan(0);
  const runner = new ActionRunner({ tokenFor: (id, at) => agentTokenFor(TEST_SECRET, id, at), log: () => undefined });
  await runner.tick({ db: fleet.db, epoch: 0, isLeader: () => true });
  expect(runner.busy).toBe(0);
  expect((await row()).status).toBe("PENDING");
  await expect(approveAction(fleet.db, first, requested.id)).rejects.toThrow(
    /A second operator, not the one who asked/,
  );
  await approveAction(fleet.db, second, requested.id);
  await waitFor(
    "the approved failover to finish",
    async () => ((await row()).status === "SUCCEEDED" ? true : undefined),
    15_000,
  );
});

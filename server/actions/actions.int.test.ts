// Actions end to end over real HTTP: requested through the same service as the UI and the API,
// judged by the guards, run step by step by the leader against simulated agents.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startControl, type Control } from "../control/control.ts";
import { startFleet, waitFor, type Fleet } from "../testing/fleet-harness.ts";
import { fleetActions } from "../testing/fleet-actions.ts";
import { liftCooldown } from "./cooldown.ts";
import { ActionError } from "./errors.ts";
import type { Actor } from "./request.ts";

let fleet: Fleet;
let control: Control;
const operator: Actor = { id: null, email: "op@example.com", role: "operator" };

const { run, node, degraded, finished } = fleetActions(() => fleet, operator);

beforeAll(async () => {
  fleet = await startFleet({
    settings: { intervalMs: 200, timeoutMs: 150, failureThreshold: 3 },
    nodes: [
      { name: "db-1", role: "primary" },
      { name: "db-2", role: "standby", upstream: "db-1" },
      { name: "db-3", role: "standby", upstream: "db-1", region: "us-east" },
    ],
  });
  await fleet.db.cluster.update({ where: { id: fleet.clusterId }, data: { rpoBudgetBytes: 64n * 1024n * 1024n } });
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

describe("guarded actions", () => {
  it("refuses a failover while the primary is healthy, naming the target chosen and saying why", async () => {
    const refused = await run({ type: "failover", target: "db-2", params: { acceptDataLoss: true } }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(ActionError);
    expect((refused as ActionError).code).toBe("CONFLICT");
    expect((refused as ActionError).message).toMatch(/^Refused: failover of [\w-]+ to db-2\. /);
    expect((refused as ActionError).message).toMatch(/primary-confirmed-down: db-1 is healthy; use a switchover/);
    expect(await fleet.db.action.count({ where: { clusterId: fleet.clusterId } })).toBe(0);
  });

  it("lets one action in at a time, enforced by the database", async () => {
    const base = { clusterId: fleet.clusterId, type: "FENCE" as const, reason: "x" };
    await fleet.db.action.create({ data: base });
    await expect(fleet.db.action.create({ data: base })).rejects.toThrow();
    await fleet.db.action.deleteMany({ where: { clusterId: fleet.clusterId } });
  });

  it("fails over after a crash: fences the old primary, promotes, repoints, validates", async () => {
    await fleet.act("db-1", "inject-fault", { kind: "crash" });
    await waitFor("db-1 confirmed down", async () => (await node("db-1")).confirmedDown);
    const requested = await run({
      type: "failover",
      target: "db-2",
      params: { expectedPrimary: "db-1", acceptDataLoss: true },
    });
    const done = await finished(requested.id);
    expect(done.status, JSON.stringify(done.steps)).toBe("SUCCEEDED");
    expect(done.steps.map((s) => [s.name, s.status])).toEqual([
      ["confirm db-1 is down", "SUCCEEDED"],
      ["fence db-1", "SUCCEEDED"],
      ["promote db-2", "SUCCEEDED"],
      ["repoint standbys and traffic to db-2", "SUCCEEDED"],
      ["validate db-2 serves as primary", "SUCCEEDED"],
    ]);
    expect(await node("db-2")).toMatchObject({ role: "PRIMARY", state: "HEALTHY" });
    expect((await node("db-1")).fenced).toBe(true);
    await waitFor(
      "db-3 follows db-2",
      async () =>
        ((await node("db-3")).lastStatus as { replication?: { upstream?: string } }).replication?.upstream === "db-2",
    );
    const cluster = await fleet.db.cluster.findUniqueOrThrow({
      where: { id: fleet.clusterId },
      select: { lastFailoverAt: true },
    });
    expect(cluster.lastFailoverAt).not.toBeNull();
  });

  it("holds a switchover back during the cooldown until an operator lifts it, then switches over", async () => {
    await fleet.act("db-1", "clear-fault");
    await fleet.act("db-1", "demote", { upstream: "db-2" });
    await waitFor("db-1 back as a healthy standby", async () => {
      const n = await node("db-1");
      return n.role === "STANDBY" && n.state === "HEALTHY";
    });
    await fleet.db.node.updateMany({ where: { clusterId: fleet.clusterId, name: "db-1" }, data: { fenced: false } });
    await expect(run({ type: "switchover", target: "db-1" })).rejects.toThrow(
      /cooldown: last failover .* ago; cooldown has .* left/,
    );
    await liftCooldown(fleet.db, operator, fleet.cluster, "planned return to db-1");
    const requested = await run({ type: "switchover", target: "db-1", params: { expectedPrimary: "db-2" } });
    const done = await finished(requested.id);
    expect(done.status, JSON.stringify(done.steps)).toBe("SUCCEEDED");
    expect(await node("db-1")).toMatchObject({ role: "PRIMARY", state: "HEALTHY" });
    await waitFor("db-2 a standby again", async () => (await node("db-2")).role === "STANDBY");
  });

  it("refuses a standby whose database fails its SQL check as a target, though it answers polls", async () => {
    await fleet.act("db-2", "inject-fault", { kind: "errors", rate: 0.9 });
    try {
      await waitFor("db-2's sql check failing", async () => {
        const checks = ((await node("db-2")).lastStatus as { checks?: { name: string; ok: boolean }[] }).checks;
        return checks?.some((c) => c.name === "sql" && !c.ok);
      });
      expect((await node("db-2")).state).toBe("HEALTHY");
      await liftCooldown(fleet.db, operator, fleet.cluster, "test");
      await expect(run({ type: "switchover", target: "db-2" })).rejects.toThrow(
        /target-serves: db-2 fails its application check sql/,
      );
      await waitFor("db-2 stored as degraded", async () => (await degraded("db-2")) === true);
    } finally {
      await fleet.act("db-2", "clear-fault");
    }
    await waitFor("db-2 restored", async () => (await degraded("db-2")) === false);
    const types = (
      await fleet.db.event.findMany({
        where: { clusterId: fleet.clusterId, type: { in: ["node.degraded", "node.restored"] } },
        orderBy: { at: "asc" },
      })
    ).map((e) => e.type);
    expect(types).toEqual(["node.degraded", "node.restored"]);
  });

  it("refuses a run whose expected primary is no longer the primary", async () => {
    await liftCooldown(fleet.db, operator, fleet.cluster, "test");
    await expect(run({ type: "switchover", target: "db-2", params: { expectedPrimary: "db-3" } })).rejects.toThrow(
      /expected-primary: the primary changed since planning: expected db-3, found db-1/,
    );
  });

  it("rolls a switchover back when its target does not catch up: the old primary is promoted again", async () => {
    await fleet.act("db-3", "inject-fault", { kind: "lag", bytesPerSec: 1e6 });
    // The backlog grows from the fault on, poll by poll: a switchover asked for at once could find none.
    await waitFor("db-3 behind by megabytes", async () => {
      const last = await fleet.db.sample.findFirst({
        where: { node: { clusterId: fleet.clusterId, name: "db-3" } },
        orderBy: { at: "desc" },
        select: { lagBytes: true },
      });
      return (last?.lagBytes ?? 0n) > 2_000_000n;
    });
    await liftCooldown(fleet.db, operator, fleet.cluster, "test");
    const requested = await run({ type: "switchover", target: "db-3", params: {} });
    const done = await finished(requested.id);
    expect(done.status).toBe("FAILED");
    expect(done.steps.map((s) => [s.name, s.status])).toEqual([
      ["demote db-1", "SUCCEEDED"],
      ["wait for db-3 to catch up", "FAILED"],
      ["promote db-3", "SKIPPED"],
      ["repoint standbys and traffic to db-3", "SKIPPED"],
      ["validate db-3 serves as primary", "SKIPPED"],
      ["roll back: promote db-1 again", "SUCCEEDED"],
      ["roll back: validate db-1 serves as primary", "SUCCEEDED"],
    ]);
    expect(done.outcome).toMatch(
      new RegExp(
        /^Stopped at "wait for db-3 to catch up": db-3 did not catch up within 6 s .* Rolled back: db-1: .*; /.source +
          /db-1 reports primary and is healthy\. The cluster now: db-1 primary healthy/.source,
      ),
    );
    expect(await node("db-1")).toMatchObject({ role: "PRIMARY", state: "HEALTHY" });
    const failed = await fleet.db.event.findFirstOrThrow({
      where: { clusterId: fleet.clusterId, type: "action.failed" },
      orderBy: { at: "desc" },
    });
    expect(failed.severity).toBe("WARNING");
    await fleet.act("db-3", "clear-fault");
  });

  it("stops at a failed step and says what state the cluster is left in", async () => {
    const agentUrl = (await fleet.db.node.findFirstOrThrow({ where: { clusterId: fleet.clusterId, name: "db-2" } }))
      .agentUrl;
    await fleet.db.node.updateMany({
      where: { clusterId: fleet.clusterId, name: "db-2" },
      data: { agentUrl: "http://127.0.0.1:1" },
    });
    const requested = await run({ type: "fence", target: "db-2", params: {} });
    const done = await finished(requested.id);
    await fleet.db.node.updateMany({ where: { clusterId: fleet.clusterId, name: "db-2" }, data: { agentUrl } });
    expect(done.status).toBe("FAILED");
    expect(done.steps.map((s) => [s.name, s.status])).toEqual([["fence db-2", "FAILED"]]);
    expect(done.outcome).toMatch(
      /^Stopped at "fence db-2": db-2: .*\. The cluster now: db-1 primary healthy, db-2 standby/,
    );
    expect((await node("db-2")).fenced).toBe(false);
    const failed = await fleet.db.event.findFirstOrThrow({
      where: { clusterId: fleet.clusterId, type: "action.failed" },
      orderBy: { at: "desc" },
    });
    expect(failed.severity).toBe("CRITICAL");
  });
});

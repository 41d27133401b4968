// The drill plan: which nodes each scenario faults, and the pre-checks that keep a drill from
// starting on a cluster that could not take it.
import { describe, expect, it } from "vitest";
import { node, state } from "../guards/fixtures.ts";
import type { GuardNode } from "../guards/types.ts";
import { planDrill, type DrillState } from "./plan.ts";
import type { DrillPlanRequest } from "./types.ts";

const drillState = (nodes: GuardNode[], extra: Partial<DrillState> = {}): DrillState => ({
  ...state(nodes),
  intervalMs: 1000,
  timeoutMs: 800,
  failureThreshold: 3,
  policy: "MANUAL",
  requireSecondApproval: false,
  rtoTargetMs: 30_000,
  halted: false,
  activeDrill: null,
  regions: Object.fromEntries(nodes.map((n) => [n.name, n.name.endsWith("3") ? "us-east" : "eu-west"])),
  lagThresholdBytes: 16 * 1024 * 1024,
  ...extra,
});

const pair = [node("p-1", "PRIMARY"), node("p-2", "STANDBY", { replicationMode: "sync" }), node("p-3", "STANDBY")];
const actives = [
  node("a-1", "ACTIVE", { requestsPerSec: 300, maxRequestsPerSec: 500 }),
  node("a-2", "ACTIVE", { requestsPerSec: 300, maxRequestsPerSec: 500 }),
  node("a-3", "ACTIVE", { requestsPerSec: 300, maxRequestsPerSec: 500 }),
];
const plan = (s: DrillState, request: Partial<DrillPlanRequest> & Pick<DrillPlanRequest, "scenario">) =>
  planDrill(s, { stopConditions: {}, ...request });
const failing = (p: ReturnType<typeof planDrill>) => p.guards.filter((g) => !g.ok).map((g) => g.id);

describe("planDrill", () => {
  it("crashes the primary and expects a failover to the sync standby", () => {
    const p = plan(drillState(pair), { scenario: "primary-crash" });
    expect(p.allowed).toBe(true);
    expect(p.params.faults).toEqual([{ node: "p-1", fault: { kind: "crash" } }]);
    expect(p.params.expectFailover).toBe(true);
    expect(p.params.phaseNotes.failover).toBe("operator-run failover to p-2, guarded like any failover");
    expect(p.guards.find((g) => g.id === "failover-target")?.reason).toMatch(/^p-2 \(sync/);
  });

  it("cuts the primary off from everyone for a partition, and says who fails over under the automatic policy", () => {
    const p = plan(drillState(pair, { policy: "AUTOMATIC" }), { scenario: "primary-partition" });
    expect(p.params.faults).toEqual([{ node: "p-1", fault: { kind: "partition", side: "all" } }]);
    expect(p.params.phaseNotes.failover).toMatch(/^automatic failover/);
  });

  it("slows an async standby for standby-lag and expects no failover", () => {
    const p = plan(drillState(pair), { scenario: "standby-lag" });
    expect(p.params.faults.map((f) => f.node)).toEqual(["p-3"]);
    expect(p.params.expectFailover).toBe(false);
    expect(failing(p)).toEqual([]);
  });

  it("loses a whole region: every node in it, refused when too few peers are left to confirm the primary down", () => {
    const p = plan(drillState(pair), { scenario: "region-loss" });
    expect(p.params.region).toBe("eu-west");
    expect(p.params.faults.map((f) => f.node)).toEqual(["p-1", "p-2"]);
    expect(p.guards.find((g) => g.id === "failover-target")?.reason).toMatch(/^p-3/);
    expect(failing(p)).toEqual(["peers-can-confirm"]);
    const five = [...pair, node("p-4", "STANDBY"), node("p-5", "STANDBY")];
    const wide = plan(drillState(five, { regions: { "p-1": "a", "p-2": "a", "p-3": "b", "p-4": "b", "p-5": "c" } }), {
      scenario: "region-loss",
    });
    expect(wide.guards.find((g) => g.id === "peers-can-confirm")).toMatchObject({
      ok: true,
      reason: "3 of p-1's 4 peers are left to confirm it down (3 needed)",
    });
  });

  it("an unattended failover drill does not start where failovers may wait for a second approval", () => {
    const s = drillState(pair, { requireSecondApproval: true });
    expect(failing(planDrill(s, { scenario: "primary-crash", stopConditions: {} }, { unattended: true }))).toEqual([
      "no-approval-wait",
    ]);
    expect(failing(planDrill(s, { scenario: "primary-crash", stopConditions: {} }))).toEqual([]);
    expect(failing(planDrill(s, { scenario: "standby-lag", stopConditions: {} }, { unattended: true }))).toEqual([]);
  });

  it("refuses a scenario that does not fit the cluster's mode, or a region holding every node", () => {
    expect(failing(plan(drillState(actives, { mode: "active-active" }), { scenario: "primary-crash" }))).toContain(
      "scenario-fits",
    );
    expect(failing(plan(drillState(pair), { scenario: "node-crash" }))).toContain("scenario-fits");
    const oneRegion = drillState(pair, { regions: { "p-1": "x", "p-2": "x", "p-3": "x" } });
    expect(plan(oneRegion, { scenario: "region-loss" }).guards[0]?.reason).toBe(
      "every node is in x: nothing would be left",
    );
  });

  it("refuses while unhealthy, halted, paused, busy, in cooldown or without a standby to take over", () => {
    const down = [pair[0]!, node("p-2", "STANDBY", { state: "DOWN" }), node("p-3", "STANDBY", { state: "DOWN" })];
    expect(failing(plan(drillState(down), { scenario: "primary-crash" }))).toEqual([
      "cluster-healthy",
      "failover-target",
    ]);
    expect(failing(plan(drillState(pair, { halted: true }), { scenario: "standby-lag" }))).toEqual(["halt-off"]);
    expect(failing(plan(drillState(pair, { paused: true }), { scenario: "standby-lag" }))).toEqual(["not-paused"]);
    expect(
      failing(
        plan(drillState(pair, { activeDrill: "d1", activeActions: [{ id: "a1", type: "drain" }] }), {
          scenario: "standby-lag",
        }),
      ),
    ).toEqual(["no-running-action", "no-running-drill"]);
    const recent = drillState(pair, { lastFailoverAt: 1_000_000_000 - 60_000 });
    expect(failing(plan(recent, { scenario: "primary-crash" }))).toEqual(["cooldown"]);
    expect(plan(recent, { scenario: "primary-crash" }).guards.find((g) => g.id === "cooldown")?.overridable).toBe(
      false,
    );
  });

  const failingTitle =
    "counts a node whose service fails its checks as unhealthy, and fails over to a standby whose service answers";
  it(failingTitle, () => {
    const failingSync = [
      pair[0]!,
      node("p-2", "STANDBY", { replicationMode: "sync", failingAppChecks: ["sql"] }),
      pair[2]!,
    ];
    const p = plan(drillState(failingSync), { scenario: "primary-crash" });
    expect(p.guards.find((g) => g.id === "cluster-healthy")?.reason).toBe("not every node is healthy: p-2 fails sql");
    expect(p.guards.find((g) => g.id === "failover-target")?.reason).toMatch(/^p-3 /);
  });

  it("checks N-1 capacity for active-active: the nodes left must carry today's traffic", () => {
    const aa = drillState(actives, { mode: "active-active" });
    expect(
      plan(aa, { scenario: "node-crash", target: "a-2" }).guards.find((g) => g.id === "capacity-n-1"),
    ).toMatchObject({ ok: true, reason: "900 req/s now, 1000 req/s capacity on the 2 nodes left" });
    const busy = drillState(
      actives.map((n) => ({ ...n, requestsPerSec: 400 })),
      { mode: "active-active" },
    );
    expect(failing(plan(busy, { scenario: "node-crash" }))).toEqual(["capacity-n-1"]);
  });

  it("sets the stop conditions from the lag threshold unless asked otherwise", () => {
    expect(plan(drillState(pair), { scenario: "standby-lag" }).params.stopConditions).toEqual({
      maxErrorRate: 0.05,
      maxLagBytes: 64 * 1024 * 1024,
    });
    expect(
      plan(drillState(pair, { lagThresholdBytes: 32 * 1024 * 1024 }), {
        scenario: "standby-lag",
        stopConditions: { maxErrorRate: 0.2 },
      }).params.stopConditions,
    ).toEqual({ maxErrorRate: 0.2, maxLagBytes: 128 * 1024 * 1024 });
  });
});

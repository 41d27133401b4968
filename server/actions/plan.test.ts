import { describe, expect, it } from "vitest";
import { node, state } from "../guards/fixtures.ts";
import { planAction, type PlanState } from "./plan.ts";

const settings = { intervalMs: 1000, timeoutMs: 800, failureThreshold: 3 };
const planState = (nodes: Parameters<typeof state>[0], extra = {}): PlanState => ({
  ...state(nodes, extra),
  ...settings,
});

describe("planAction", () => {
  it("plans a failover: guards, steps in order, an estimate that includes the detection bound", () => {
    const s = planState([
      node("p", "PRIMARY", { state: "DOWN", confirmedDown: true }),
      node("s", "STANDBY", { replicationMode: "sync" }),
      node("t", "STANDBY"),
    ]);
    const plan = planAction(s, { type: "failover", target: "s", params: { expectedPrimary: "p" } });
    expect(plan.allowed).toBe(true);
    expect(plan.steps.map((x) => x.name)).toEqual([
      "confirm p is down",
      "fence p",
      "promote s",
      "repoint standbys and traffic to s",
      "validate s serves as primary",
    ]);
    expect(plan.estimateMs).toBeGreaterThanOrEqual(3800);
    expect(plan.guards.map((g) => g.id)).toContain("lag-within-rpo");
  });

  it("asks Sentinel for a Sentinel-managed cluster's failover and switchover, under the same guards", () => {
    const down = [node("p", "PRIMARY", { state: "DOWN", confirmedDown: true }), node("s", "STANDBY")];
    const failover = planAction(planState(down, { managedBy: "sentinel" }), {
      type: "failover",
      target: "s",
      params: {},
    });
    expect(failover.allowed).toBe(true);
    expect(failover.steps.map((x) => x.name)).toEqual([
      "ask Sentinel to fail over to s",
      "validate s serves as primary",
    ]);
    expect(failover.steps[0]!.spec).toEqual({ kind: "agent", node: "s", type: "promote", params: {} });
    const healthy = planState([node("p", "PRIMARY"), node("s", "STANDBY")], { managedBy: "sentinel" });
    const refused = planAction(healthy, { type: "failover", target: "s", params: {} });
    expect(refused.guards.find((g) => g.id === "primary-confirmed-down")?.ok).toBe(false);
    const switchover = planAction(healthy, { type: "switchover", target: "s", params: {} });
    // Sentinel's own failover would throw away what the old master took meanwhile: it is fenced, the target catches up.
    expect(switchover.steps.map((x) => x.name)).toEqual([
      "fence p",
      "wait for s to catch up",
      "ask Sentinel to fail over to s",
      "validate s serves as primary",
      "wait for Sentinel to make p a replica of s",
    ]);
  });

  it("refuses a failover while the primary is healthy, unless an admin overrides, and never past a hard guard", () => {
    const s = planState([node("p", "PRIMARY"), node("s", "STANDBY")]);
    expect(planAction(s, { type: "failover", target: "s", params: {} }).allowed).toBe(false);
    expect(
      planAction(s, { type: "failover", target: "s", params: {} }, { overrides: ["primary-confirmed-down"] }).allowed,
    ).toBe(true);
    const split = planState([node("p", "PRIMARY"), node("s", "STANDBY")], { splitBrain: true });
    expect(
      planAction(
        split,
        { type: "failover", target: "s", params: {} },
        { overrides: ["primary-confirmed-down", "no-split-brain"] },
      ).allowed,
    ).toBe(false);
  });

  it("shows the potential loss of an async target", () => {
    const s = planState([
      node("p", "PRIMARY", { state: "DOWN", confirmedDown: true }),
      node("s", "STANDBY", { lagBytes: 500 }),
    ]);
    const plan = planAction(s, { type: "failover", target: "s", params: {} });
    expect(plan).toMatchObject({ allowed: false, potentialLossBytes: 500 });
    expect(planAction(s, { type: "failover", target: "s", params: { acceptDataLoss: true } }).allowed).toBe(true);
  });

  it("plans a switchover and a drain", () => {
    const s = planState([node("p", "PRIMARY"), node("s", "STANDBY")]);
    expect(planAction(s, { type: "switchover", target: "s", params: {} }).steps.map((x) => x.name)).toEqual([
      "demote p",
      "wait for s to catch up",
      "promote s",
      "repoint standbys and traffic to s",
      "validate s serves as primary",
    ]);
    const aa = planState([node("a", "ACTIVE"), node("b", "ACTIVE")]);
    const drain = planAction(aa, { type: "drain", target: "a", params: {} });
    expect(drain.allowed).toBe(true);
    expect(drain.steps.map((x) => x.name)).toEqual(["drain a", "wait for a's connections to fall"]);
    expect(planAction(aa, { type: "drain", target: "zz", params: {} }).guards[0]).toMatchObject({
      id: "target-exists",
      ok: false,
    });
  });

  it("plans a rejoin of a former primary as a standby of the serving one, and refuses to unfence it instead", () => {
    const former = node("old", "UNKNOWN", {
      reportedRole: "PRIMARY",
      needsRejoin: true,
      fenced: true,
      writable: false,
    });
    const s = planState([node("new", "PRIMARY"), former, node("s", "STANDBY")]);
    const rejoin = planAction(s, { type: "rejoin", target: "old", params: {} });
    expect(rejoin.allowed).toBe(true);
    expect(rejoin.steps.map((x) => x.spec)).toEqual([
      { kind: "agent", node: "old", type: "demote", params: { upstream: "new" } },
      { kind: "follows", node: "old", upstream: "new", timeoutMs: 38_000 },
    ]);
    const unfence = planAction(s, { type: "unfence", target: "old", params: {} }, { overrides: ["single-writer"] });
    expect(unfence.allowed).toBe(false);
    expect(unfence.guards.find((g) => g.id === "single-writer")).toMatchObject({ ok: false, overridable: false });
  });

  it("plans without a target or a primary, refused, with steps that name only nodes of the cluster", () => {
    const s = planState([node("s", "STANDBY"), node("t", "STANDBY")]);
    const untargeted = planAction(s, { type: "drain", params: {} });
    expect(untargeted).toMatchObject({ allowed: false, steps: [], estimateMs: 0 });
    expect(untargeted.guards[0]).toMatchObject({ id: "target-exists", ok: false, overridable: false });
    const switchover = planAction(s, { type: "switchover", target: "s", params: {} });
    expect(switchover.allowed).toBe(false);
    expect(switchover.steps.map((x) => ("node" in x.spec ? x.spec.node : null))).toEqual(["s", "s", "s", "s"]);
    expect(planAction(s, { type: "rejoin", target: "t", params: {} })).toMatchObject({ allowed: false, steps: [] });
    expect(planAction(s, { type: "set-weight", target: "t", params: {} })).toMatchObject({ allowed: false, steps: [] });
  });
});

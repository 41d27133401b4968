import { describe, expect, it } from "vitest";
import { mayPromote, worstProblem } from "./problem.ts";
import { problemNode as n } from "./problem-fixtures.ts";

const ap = { mode: "ACTIVE_PASSIVE" as const, splitBrain: false, imbalanced: false };
const aa = { ...ap, mode: "ACTIVE_ACTIVE" as const };
const sync = { name: "db-2", replicationMode: "sync" as const, lagBytes: 0 };
const lost = n("db-1", "PRIMARY", { state: "DOWN", confirmedDown: true });

describe("the fix a problem offers", () => {
  it("fails over from a confirmed primary loss to the console's candidate, with its mode and lag", () => {
    const problem = worstProblem({ ...ap, candidate: sync }, [lost, n("db-2", "STANDBY"), n("db-3", "STANDBY")]);
    expect(problem?.fix).toEqual({ type: "failover", target: "db-2", text: "Fail over to db-2 — sync, 0 B behind" });
    const async = { name: "db-3", replicationMode: "async" as const, lagBytes: 2.5 * 1024 * 1024 };
    expect(worstProblem({ ...ap, candidate: async }, [lost])?.fix?.text).toBe(
      "Fail over to db-3 — async, 2.5 MiB behind",
    );
  });

  it("offers nothing where no action is the answer: no candidate, unconfirmed, isolated, split-brain", () => {
    expect(worstProblem({ ...ap, candidate: null }, [lost])?.fix).toBeUndefined();
    const unconfirmed = { ...lost, confirmedDown: false };
    expect(worstProblem({ ...ap, candidate: sync }, [unconfirmed])?.fix).toBeUndefined();
    expect(worstProblem({ ...ap, candidate: sync }, [{ ...unconfirmed, isolated: true }])?.fix).toBeUndefined();
    const twoPrimaries = [n("a", "PRIMARY"), n("b", "PRIMARY")];
    expect(worstProblem({ ...ap, splitBrain: true, candidate: sync }, twoPrimaries)?.fix).toBeUndefined();
    const standbyDown = [n("db-1", "PRIMARY"), n("db-2", "STANDBY", { state: "DOWN" })];
    expect(worstProblem(ap, standbyDown)?.fix).toBeUndefined();
  });

  it("switches over from a primary whose service fails", () => {
    const failing = n("db-1", "PRIMARY", { degraded: true, failingAppChecks: ["sql"] });
    expect(worstProblem({ ...ap, candidate: sync }, [failing, n("db-2", "STANDBY")])?.fix).toEqual({
      type: "switchover",
      target: "db-2",
      text: "Switch over to db-2 — sync, 0 B behind",
    });
  });

  it("rejoins a former primary once it is back, not while it is down", () => {
    const former = n("db-1", "UNKNOWN", { needsRejoin: true, fenced: true });
    expect(worstProblem(ap, [former, n("db-2", "PRIMARY")])?.fix?.text).toBe("Rejoin db-1");
    expect(worstProblem(ap, [{ ...former, state: "DOWN" }, n("db-2", "PRIMARY")])?.fix).toBeUndefined();
  });

  it("names a fenced or drained node as a note and offers to put it back", () => {
    expect(worstProblem(ap, [n("db-1", "PRIMARY"), n("db-2", "STANDBY", { fenced: true })])).toEqual({
      severity: "info",
      text: "db-2 fenced: it takes no writes",
      fix: { type: "unfence", target: "db-2", text: "Unfence db-2" },
    });
    expect(worstProblem(aa, [n("c-1", "ACTIVE"), n("c-2", "ACTIVE", { trafficState: "drain" })])).toEqual({
      severity: "info",
      text: "c-2 drained: it takes no traffic",
      fix: { type: "undrain", target: "c-2", text: "Undrain c-2" },
    });
  });

  it("loads a candidate only while a promotion may be the fix", () => {
    expect(mayPromote("ACTIVE_PASSIVE", [lost])).toBe(true);
    expect(mayPromote("ACTIVE_PASSIVE", [n("db-1", "PRIMARY", { degraded: true })])).toBe(true);
    expect(mayPromote("ACTIVE_PASSIVE", [n("db-1", "UNKNOWN"), n("db-2", "STANDBY")])).toBe(true);
    expect(mayPromote("ACTIVE_PASSIVE", [n("db-1", "PRIMARY"), n("db-2", "STANDBY", { state: "DOWN" })])).toBe(false);
    expect(mayPromote("ACTIVE_ACTIVE", [n("c-1", "ACTIVE", { state: "DOWN" })])).toBe(false);
    expect(mayPromote("ACTIVE_PASSIVE", [])).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { availabilityOf } from "./availability.ts";
import { worstProblem } from "./problem.ts";
import { problemNode as n } from "./problem-fixtures.ts";

const ap = { mode: "ACTIVE_PASSIVE" as const, splitBrain: false, imbalanced: false };

describe("worstProblem", () => {
  it("puts a confirmed primary loss in words, with the peers' count", () => {
    const nodes = [
      n("db-1", "PRIMARY", { state: "DOWN", confirmedDown: true, peers: { unreachableBy: 2, reachableBy: 0, of: 2 } }),
      n("db-2", "STANDBY", { state: "DOWN" }),
    ];
    expect(worstProblem(ap, nodes)).toEqual({
      severity: "critical",
      text: "primary db-1 down, confirmed by 2/2 peers",
    });
  });

  it("says isolated rather than down when the peers still reach the primary", () => {
    const nodes = [
      n("db-1", "PRIMARY", { state: "DOWN", isolated: true, peers: { unreachableBy: 0, reachableBy: 2, of: 2 } }),
      n("db-2", "STANDBY"),
    ];
    expect(worstProblem(ap, nodes)?.text).toBe(
      "primary db-1 isolated: the console cannot reach it, 2/2 peers still reach it",
    );
  });

  it("says when nodes answer but their service fails: critical for the primary or every active node", () => {
    expect(
      worstProblem(ap, [n("p", "PRIMARY", { degraded: true, failingAppChecks: ["sql"] }), n("s", "STANDBY")]),
    ).toEqual({ severity: "critical", text: "primary p answers but its service fails sql" });
    expect(
      worstProblem(ap, [n("p", "PRIMARY"), n("s", "STANDBY", { degraded: true, failingAppChecks: ["sql"] })]),
    ).toEqual({ severity: "warning", text: "s answers but fails sql" });
    const aa = { ...ap, mode: "ACTIVE_ACTIVE" as const };
    expect(
      worstProblem(aa, [
        n("a", "ACTIVE", { degraded: true, failingAppChecks: ["http /healthz"] }),
        n("b", "ACTIVE", { degraded: true, failingAppChecks: ["http /healthz"] }),
      ])?.severity,
    ).toBe("critical");
    expect(
      worstProblem(aa, [n("a", "ACTIVE", { degraded: true, failingAppChecks: ["http /healthz"] }), n("b", "ACTIVE")])
        ?.text,
    ).toBe("a answers but fails http /healthz");
    // One failing poll is not yet a problem; a node still degraded whose checks pass again is.
    expect(worstProblem(ap, [n("p", "PRIMARY", { failingAppChecks: ["sql"] }), n("s", "STANDBY")])).toBeNull();
    expect(worstProblem(ap, [n("p", "PRIMARY", { degraded: true }), n("s", "STANDBY")])?.text).toBe(
      "primary p answers but its service fails its application checks",
    );
  });

  it("ranks split-brain above everything", () => {
    expect(
      worstProblem({ ...ap, splitBrain: true }, [
        n("a", "PRIMARY"),
        n("b", "PRIMARY"),
        n("c", "STANDBY", { state: "DOWN" }),
      ])?.text,
    ).toBe("split-brain: 2 nodes report primary (a, b)");
  });

  it("names lag, imbalance, suspects and silent nodes, and nothing when all is well", () => {
    expect(
      worstProblem(ap, [
        n("p", "PRIMARY"),
        n("s", "STANDBY", { lagOver: true, lagBytes: 32 * 1024 * 1024, lagSeconds: 6 }),
      ])?.text,
    ).toBe("s replication lag 32 MiB / 6 s over the alert threshold");
    const aa = { mode: "ACTIVE_ACTIVE" as const, splitBrain: false, imbalanced: true };
    expect(worstProblem(aa, [n("a", "ACTIVE"), n("b", "ACTIVE")])).toEqual({
      severity: "warning",
      text: "traffic does not follow the weights",
    });
    expect(worstProblem(ap, [n("p", "PRIMARY"), n("s", "STANDBY", { state: "SUSPECT" })])?.text).toBe(
      "s missed polls (suspect)",
    );
    expect(worstProblem(ap, [n("p", "UNKNOWN", { state: "UNKNOWN" })])).toEqual({
      severity: "info",
      text: "no report yet from 1 node",
    });
    expect(worstProblem(ap, [n("p", "PRIMARY"), n("s", "STANDBY")])).toBeNull();
    expect(
      worstProblem({ ...aa, imbalanced: false }, [
        n("a", "ACTIVE", { state: "DOWN" }),
        n("b", "ACTIVE", { state: "SUSPECT" }),
      ])?.text,
    ).toBe("no healthy node");
  });
});

describe("availabilityOf", () => {
  it("measures downtime against the monthly error budget", () => {
    const a = availabilityOf(99.99, 43_200, 43_200 - 2.16);
    expect(a.budgetMinutes).toBeCloseTo(4.32, 2);
    expect(a.budgetUsed).toBeCloseTo(0.5, 2);
    expect(a.percent).toBeCloseTo(99.995, 3);
    expect(availabilityOf(99.9, 0, 0).percent).toBeNull();
  });

  it("after a failover names the former primary and what to do, not a critical outage while a primary serves", () => {
    const former = n("db-1", "UNKNOWN", { state: "DOWN", needsRejoin: true, fenced: true });
    const nodes = [former, n("db-2", "PRIMARY"), n("db-3", "STANDBY")];
    expect(worstProblem(ap, nodes)).toEqual({
      severity: "warning",
      text: "db-1, the former primary, is down and fenced; 1 standby left: rejoin it",
    });
    const back = { ...former, state: "HEALTHY" as const, fenced: false };
    expect(worstProblem(ap, [back, n("db-2", "PRIMARY"), n("db-3", "STANDBY")])).toEqual({
      severity: "critical",
      text: "db-1, the former primary, is back and not fenced; 1 standby left: rejoin it",
      fix: { type: "rejoin", target: "db-1", text: "Rejoin db-1" },
    });
  });
});

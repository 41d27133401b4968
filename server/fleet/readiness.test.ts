import { describe, expect, it } from "vitest";
import { DAY, node, NOW, ready, reasonOf, stateOf } from "./readiness-fixtures.ts";
import { judgeReadiness, type ReadinessNode } from "./readiness.ts";

describe("judgeReadiness", () => {
  it("scores a cluster that passes everything 100 and lists its five reasons", () => {
    const readiness = judgeReadiness(ready());
    expect(readiness).toMatchObject({ score: 100, worst: "pass" });
    expect(readiness.reasons.map((r) => r.id)).toEqual([
      "last-drill",
      "standby-capacity",
      "lag-vs-rpo",
      "detection-vs-rto",
      "webhooks",
    ]);
  });

  it("weighs warn half and fail nothing, equally over the reasons that apply, rounded", () => {
    // last-drill warns, webhooks fail: (3 + 0.5 + 0) / 5 = 70 %.
    expect(judgeReadiness(ready({ lastPassedDrillAt: NOW - 40 * DAY, endpoints: [] }))).toMatchObject({
      score: 70,
      worst: "fail",
    });
    // Active-active has no lag reason: one warn over four reasons is 87.5, rounded to 88.
    const activeActive = ready({
      mode: "active-active",
      lastPassedDrillAt: NOW - 40 * DAY,
      nodes: [node("a", "ACTIVE", { maxRequestsPerSec: 600 }), node("b", "ACTIVE", { maxRequestsPerSec: 600 })],
    });
    expect(judgeReadiness(activeActive)).toMatchObject({ score: 88, worst: "warn" });
    expect(judgeReadiness(activeActive).reasons.map((r) => r.id)).not.toContain("lag-vs-rpo");
  });

  describe("last-drill", () => {
    it("passes within 30 days, warns within 90, fails older or never", () => {
      expect(reasonOf("last-drill", ready())).toEqual({
        id: "last-drill",
        state: "pass",
        text: "last successful drill 2 d ago (2026-11-21)",
      });
      expect(stateOf("last-drill", ready({ lastPassedDrillAt: NOW - 30 * DAY }))).toBe("pass");
      expect(stateOf("last-drill", ready({ lastPassedDrillAt: NOW - 30 * DAY - 1 }))).toBe("warn");
      expect(stateOf("last-drill", ready({ lastPassedDrillAt: NOW - 90 * DAY }))).toBe("warn");
      expect(reasonOf("last-drill", ready({ lastPassedDrillAt: NOW - 90 * DAY - 1 }))).toMatchObject({
        state: "fail",
        text: expect.stringContaining("older than 90 d"),
      });
      expect(reasonOf("last-drill", ready({ lastPassedDrillAt: null }))).toMatchObject({
        state: "fail",
        text: "no successful drill yet",
      });
    });
  });

  describe("standby-capacity, active-passive", () => {
    it("passes with a healthy standby and says which and whether one is sync", () => {
      expect(reasonOf("standby-capacity", ready()).text).toBe("1 healthy standby: db-2; db-2 sync");
      const asyncOnly = ready({ nodes: [node("db-1", "PRIMARY"), node("db-2", "STANDBY"), node("db-3", "STANDBY")] });
      expect(reasonOf("standby-capacity", asyncOnly)).toMatchObject({
        state: "pass",
        text: "2 healthy standbys: db-2, db-3; none sync: a failover may lose the last writes",
      });
    });

    it("fails when every standby is down, fenced or paused, or there is none", () => {
      const unfit = ready({
        nodes: [
          node("db-1", "PRIMARY"),
          node("db-2", "STANDBY", { state: "DOWN" }),
          node("db-3", "STANDBY", { fenced: true }),
          node("db-4", "STANDBY", { paused: true }),
        ],
      });
      expect(reasonOf("standby-capacity", unfit)).toMatchObject({
        state: "fail",
        text: "no healthy standby to fail over to (db-2 down, db-3 fenced, db-4 paused)",
      });
      expect(reasonOf("standby-capacity", ready({ nodes: [node("db-1", "PRIMARY")] })).text).toBe(
        "no standby to fail over to",
      );
    });
  });

  describe("standby-capacity, active-active (N-1)", () => {
    const cluster = (...nodes: ReadinessNode[]) => ready({ mode: "active-active", nodes });
    const active = (name: string, rps: number, max: number | null, extra: Partial<ReadinessNode> = {}) =>
      node(name, "ACTIVE", { requestsPerSec: rps, maxRequestsPerSec: max, ...extra });

    it("passes when the others carry the traffic without the largest node, exactly or more", () => {
      expect(
        reasonOf("standby-capacity", cluster(active("a", 400, 1000), active("b", 400, 500), active("c", 200, 500))),
      ).toEqual({
        id: "standby-capacity",
        state: "pass",
        text: "N-1 holds: 1000 req/s now, 1000 req/s capacity without a (the largest)",
      });
    });

    it("fails when they do not, or when fewer than two nodes are healthy and ready", () => {
      expect(stateOf("standby-capacity", cluster(active("a", 600, 1000), active("b", 401, 1000)))).toBe("fail");
      expect(
        reasonOf("standby-capacity", cluster(active("a", 100, 1000), active("b", 0, 1000, { trafficState: "drain" })))
          .text,
      ).toBe("only a is healthy and ready: losing it drops all traffic");
      expect(stateOf("standby-capacity", cluster(active("a", 0, 1000, { state: "SUSPECT" })))).toBe("fail");
    });

    it("warns when a ready node's capacity is unknown", () => {
      expect(reasonOf("standby-capacity", cluster(active("a", 100, 1000), active("b", 100, null)))).toMatchObject({
        state: "warn",
        text: "capacity unknown for b: N-1 not checked",
      });
    });
  });
});

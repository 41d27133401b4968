import { describe, expect, it } from "vitest";
import type { ReasonId } from "../../lib/status.ts";
import { judgeReadiness, type ReadinessInput, type ReadinessNode, type WebhookEndpointReach } from "./readiness.ts";

const NOW = Date.UTC(2026, 10, 23, 12);
const DAY = 86_400_000;

const node = (name: string, role: ReadinessNode["role"], extra: Partial<ReadinessNode> = {}): ReadinessNode => ({
  name,
  role,
  state: "HEALTHY",
  fenced: false,
  paused: false,
  replicationMode: role === "STANDBY" ? "async" : null,
  trafficState: role === "ACTIVE" ? "ready" : null,
  requestsPerSec: 0,
  maxRequestsPerSec: null,
  ...extra,
});

const endpoint = (extra: Partial<WebhookEndpointReach> = {}): WebhookEndpointReach => ({
  name: "ops-pager",
  enabled: true,
  events: ["*"],
  lastAttempt: "succeeded",
  ...extra,
});

/** A cluster that passes every reason; each test changes one thing. */
const ready = (extra: Partial<ReadinessInput> = {}): ReadinessInput => ({
  mode: "active-passive",
  now: NOW,
  lastPassedDrillAt: NOW - 2 * DAY,
  nodes: [node("db-1", "PRIMARY"), node("db-2", "STANDBY", { replicationMode: "sync" })],
  rpoBudgetBytes: 64 * 1024 * 1024,
  rpoBudgetSeconds: 30,
  dayLag: { bytes: 1024, seconds: 0.5 },
  intervalMs: 1000,
  timeoutMs: 800,
  failureThreshold: 3,
  rtoTargetMs: 30_000,
  alertEvents: ["*"],
  endpoints: [endpoint()],
  ...extra,
});

const reasonOf = (id: ReasonId, input: ReadinessInput) => {
  const found = judgeReadiness(input).reasons.find((r) => r.id === id);
  if (!found) throw new Error(`no reason ${id}`);
  return found;
};
const stateOf = (id: ReasonId, input: ReadinessInput) => reasonOf(id, input).state;

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

  describe("lag-vs-rpo", () => {
    it("passes up to the budget and fails past either side of it", () => {
      expect(reasonOf("lag-vs-rpo", ready())).toMatchObject({
        state: "pass",
        text: "worst lag in 24 h 1.0 KiB / 0.5 s against an RPO budget of 64 MiB / 30 s",
      });
      expect(stateOf("lag-vs-rpo", ready({ dayLag: { bytes: 64 * 1024 * 1024, seconds: 30 } }))).toBe("pass");
      expect(stateOf("lag-vs-rpo", ready({ dayLag: { bytes: 64 * 1024 * 1024 + 1, seconds: 1 } }))).toBe("fail");
      expect(stateOf("lag-vs-rpo", ready({ dayLag: { bytes: 0, seconds: 30.1 } }))).toBe("fail");
    });

    it("judges only the side of the budget that is set", () => {
      expect(stateOf("lag-vs-rpo", ready({ rpoBudgetBytes: 0, dayLag: { bytes: 1e12, seconds: 1 } }))).toBe("pass");
    });

    it("warns without a budget or without a measurement", () => {
      expect(reasonOf("lag-vs-rpo", ready({ rpoBudgetBytes: 0, rpoBudgetSeconds: 0 }))).toMatchObject({
        state: "warn",
        text: "no RPO budget set",
      });
      expect(reasonOf("lag-vs-rpo", ready({ dayLag: { bytes: null, seconds: null } }))).toMatchObject({
        state: "warn",
        text: "no replication lag measured in the last 24 h",
      });
    });
  });

  describe("detection-vs-rto", () => {
    // The bound is 3 × 1 s + 0.8 s = 3.8 s.
    it("passes up to half the target, warns past half, fails at the target", () => {
      expect(reasonOf("detection-vs-rto", ready())).toMatchObject({
        state: "pass",
        text: "a failure is detected within 3.8 s at worst, 13 % of the 30 s RTO target",
      });
      expect(stateOf("detection-vs-rto", ready({ rtoTargetMs: 7_600 }))).toBe("pass");
      expect(stateOf("detection-vs-rto", ready({ rtoTargetMs: 7_599 }))).toBe("warn");
      expect(stateOf("detection-vs-rto", ready({ rtoTargetMs: 3_801 }))).toBe("warn");
      expect(reasonOf("detection-vs-rto", ready({ rtoTargetMs: 3_800 }))).toMatchObject({
        state: "fail",
        text: expect.stringContaining("no time left to fail over"),
      });
      expect(reasonOf("detection-vs-rto", ready({ rtoTargetMs: 0 }))).toMatchObject({
        state: "warn",
        text: "no RTO target set",
      });
    });
  });

  describe("webhooks", () => {
    it("passes with an enabled endpoint for the cluster's alerts that delivers, or had nothing to deliver", () => {
      expect(reasonOf("webhooks", ready())).toMatchObject({
        state: "pass",
        text: "alerts go to ops-pager; the last deliveries in 24 h succeeded",
      });
      expect(reasonOf("webhooks", ready({ endpoints: [endpoint({ lastAttempt: null })] })).text).toBe(
        "alerts go to ops-pager; no delivery in the last 24 h",
      );
    });

    it("warns when an endpoint that gets its alerts is failing", () => {
      const endpoints = [endpoint(), endpoint({ name: "hooks.slack.com", lastAttempt: "failing" })];
      expect(reasonOf("webhooks", ready({ endpoints }))).toMatchObject({
        state: "warn",
        text:
          "alerts go to ops-pager, hooks.slack.com; " +
          "the last delivery attempt in 24 h to hooks.slack.com did not succeed",
      });
    });

    it("fails when no enabled endpoint subscribes to an event type the cluster alerts on", () => {
      expect(reasonOf("webhooks", ready({ endpoints: [] }))).toMatchObject({
        state: "fail",
        text: "no enabled webhook endpoint receives this cluster's alerts",
      });
      expect(
        stateOf("webhooks", ready({ alertEvents: ["node.down"], endpoints: [endpoint({ events: ["drill.result"] })] })),
      ).toBe("fail");
      expect(
        stateOf(
          "webhooks",
          ready({ alertEvents: ["node.down"], endpoints: [endpoint({ events: ["drill.result", "node.down"] })] }),
        ),
      ).toBe("pass");
      expect(stateOf("webhooks", ready({ alertEvents: ["node.down"], endpoints: [endpoint({ events: ["*"] })] }))).toBe(
        "pass",
      );
      expect(stateOf("webhooks", ready({ alertEvents: [], endpoints: [endpoint()] }))).toBe("fail");
      expect(reasonOf("webhooks", ready({ endpoints: [endpoint({ enabled: false })] })).text).toBe(
        "no enabled webhook endpoint receives this cluster's alerts (ops-pager disabled)",
      );
    });
  });
});

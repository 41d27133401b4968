import { describe, expect, it } from "vitest";
import { endpoint, ready, reasonOf, stateOf } from "./readiness-fixtures.ts";

describe("judgeReadiness", () => {
  describe("lag-vs-rpo", () => {
    it("passes up to the budget and fails past either side of it", () => {
      expect(reasonOf("lag-vs-rpo", ready())).toMatchObject({
        state: "pass",
        text: "worst lag in 24 h 1 KiB / 500 ms against an RPO budget of 64 MiB / 30 s",
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

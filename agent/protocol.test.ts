import { describe, expect, it } from "vitest";
import { INT4_MAX, MAX_LAG_BYTES, MAX_LAG_SECONDS } from "./protocol-limits.ts";
import { actionRequestSchema, firstProblem, statusSchema } from "./protocol.ts";

const example = {
  agent: { id: "pg-eu-1", version: "1.0.0" },
  node: { name: "orders-db-eu-1", region: "eu-west", zone: "eu-west-1a" },
  observedAt: "2026-11-21T10:00:00.000Z",
  role: "primary",
  healthy: true,
  checks: [{ layer: "application", name: "sql", ok: true, latencyMs: 2.1, detail: "select 1" }],
  replication: { upstream: "orders-db-us-1", mode: "sync", lagBytes: 0, lagSeconds: 0.0, timeline: 3 },
  traffic: { weight: 100, state: "ready", activeConnections: 12, requestsPerSec: 340.5, errorRate: 0.0 },
  conflicts: { total: 0 },
  capacity: { maxRequestsPerSec: 1000 },
  peers: [{ node: "orders-db-us-1", reachable: true, latencyMs: 80 }],
};

describe("agent protocol v1", () => {
  it("accepts DESIGN.md's example status document", () => {
    expect(statusSchema.parse(example)).toEqual(example);
  });

  it("needs only agent, node, observedAt, role and healthy", () => {
    const minimal = {
      agent: example.agent,
      node: { name: "n" },
      observedAt: example.observedAt,
      role: "unknown",
      healthy: false,
    };
    expect(statusSchema.safeParse(minimal).success).toBe(true);
  });

  it("names the wrong field of a bad document", () => {
    const result = statusSchema.safeParse({ ...example, replication: { ...example.replication, lagBytes: -5 } });
    expect(result.success).toBe(false);
    expect(firstProblem(result.error!).field).toBe("replication.lagBytes");
    const noRole = statusSchema.safeParse({ ...example, role: "leader" });
    expect(firstProblem(noRole.error!).field).toBe("role");
  });

  it("accepts the largest figures the store keeps", () => {
    const largest = {
      ...example,
      replication: { ...example.replication, lagBytes: MAX_LAG_BYTES, lagSeconds: MAX_LAG_SECONDS },
      traffic: { ...example.traffic, activeConnections: INT4_MAX },
    };
    expect(statusSchema.safeParse(largest).success).toBe(true);
  });

  const standby = { name: "s", state: "streaming", syncState: "sync", lagBytes: 0 };
  const problemOf = (document: unknown) => {
    const result = statusSchema.safeParse(document);
    return result.success ? null : firstProblem(result.error);
  };

  it.each([
    ["replication.lagSeconds", { replication: { ...example.replication, lagSeconds: 1e39 } }],
    ["replication.lagSeconds", { replication: { ...example.replication, lagSeconds: MAX_LAG_SECONDS + 1 } }],
    ["replication.lagBytes", { replication: { ...example.replication, lagBytes: 1e19 } }],
    ["replication.lagBytes", { replication: { ...example.replication, lagBytes: 1.5 } }],
    ["replication.timeline", { replication: { ...example.replication, timeline: 2 ** 32 } }],
    ["traffic.activeConnections", { traffic: { ...example.traffic, activeConnections: 3e9 } }],
    ["traffic.requestsPerSec", { traffic: { ...example.traffic, requestsPerSec: 1e-50 } }],
    ["traffic.errorRate", { traffic: { ...example.traffic, errorRate: 1.5 } }],
    ["checks.0.latencyMs", { checks: [{ ...example.checks[0], latencyMs: 1e39 }] }],
    ["peers.0.latencyMs", { peers: [{ ...example.peers[0], latencyMs: -1 }] }],
    ["conflicts.total", { conflicts: { total: 2 ** 31 } }],
    ["capacity.maxRequestsPerSec", { capacity: { maxRequestsPerSec: 1e39 } }],
  ])("refuses %s out of range", (field, change) => {
    const message = expect.stringMatching(/^out of range|whole number/);
    expect(problemOf({ ...example, ...change })).toEqual({ field, message });
  });

  it.each([
    ["checks.0.detail", { checks: [{ ...example.checks[0], detail: "select \u0000" }] }],
    ["node.region", { node: { ...example.node, region: "eu-\ud800west" } }],
    ["agent.version", { agent: { ...example.agent, version: "1.0\udc00" } }],
    ["replication.standbys.0.state", { replication: { standbys: [{ ...standby, state: "\u0000" }] } }],
  ])("refuses text PostgreSQL cannot keep in %s", (field, change) => {
    const message = "contains a NUL character or a lone UTF-16 surrogate";
    expect(problemOf({ ...example, ...change })).toEqual({ field, message });
  });

  it("knows exactly the nine action types", () => {
    expect(actionRequestSchema.safeParse({ id: "k1", type: "set-weight", params: { weight: 50 } }).success).toBe(true);
    expect(actionRequestSchema.safeParse({ id: "k1", type: "reboot" }).success).toBe(false);
  });
});

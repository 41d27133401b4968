import { describe, expect, it } from "vitest";
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
    const minimal = { agent: example.agent, node: { name: "n" }, observedAt: example.observedAt, role: "unknown", healthy: false };
    expect(statusSchema.safeParse(minimal).success).toBe(true);
  });

  it("names the wrong field of a bad document", () => {
    const result = statusSchema.safeParse({ ...example, replication: { ...example.replication, lagBytes: -5 } });
    expect(result.success).toBe(false);
    expect(firstProblem(result.error!).field).toBe("replication.lagBytes");
    const noRole = statusSchema.safeParse({ ...example, role: "leader" });
    expect(firstProblem(noRole.error!).field).toBe("role");
  });

  it("knows exactly the nine action types", () => {
    expect(actionRequestSchema.safeParse({ id: "k1", type: "set-weight", params: { weight: 50 } }).success).toBe(true);
    expect(actionRequestSchema.safeParse({ id: "k1", type: "reboot" }).success).toBe(false);
  });
});

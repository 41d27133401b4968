import { describe, expect, it } from "vitest";
import { node, state } from "../guards/fixtures.ts";
import type { PlanHook } from "./plan-hooks.ts";
import { planAction, type PlanState } from "./plan.ts";
import type { RouteCall } from "./types.ts";

const hooks: PlanHook[] = [
  { hook: "before", phase: "before_fence", required: true, hookKind: "http", url: "https://h/", timeoutMs: 1000 },
  {
    hook: "after",
    phase: "after_promote",
    required: false,
    hookKind: "command",
    node: "s",
    argv: ["/x"],
    timeoutMs: 1000,
  },
  { hook: "done", phase: "after_action", required: true, hookKind: "http", url: "https://h/", timeoutMs: 1000 },
  { hook: "page", phase: "on_failure", required: true, hookKind: "http", url: "https://h/", timeoutMs: 1000 },
  { hook: "drain", phase: "before_drain", required: true, hookKind: "http", url: "https://h/", timeoutMs: 1000 },
];
const dns: RouteCall = {
  route: "name",
  routeKind: "dns",
  server: "10.0.0.53:53",
  zone: "example.com",
  record: "db",
  ttl: 30,
  keyName: "k",
  keyAlgorithm: "hmac-sha256",
  timeoutMs: 1000,
};
const pool: RouteCall = { route: "pool", routeKind: "pgbouncer", via: "s", database: "app", timeoutMs: 1000 };
const settings = { intervalMs: 1000, timeoutMs: 800, failureThreshold: 3 };
const planState = (nodes: Parameters<typeof state>[0], mode: PlanState["mode"] = "active-passive"): PlanState => ({
  ...state(nodes, { mode }),
  ...settings,
  hooks,
  routes: [dns, pool],
});

describe("hooks and routes in a plan", () => {
  it("places them around a failover's fence and promotion: pools pointed and resumed before DNS, on-failure last", () => {
    const s = planState([node("p", "PRIMARY", { state: "DOWN", confirmedDown: true }), node("s", "STANDBY")]);
    const plan = planAction(s, { type: "failover", target: "s", params: {} });
    expect(plan.steps.map((x) => x.name)).toEqual([
      "confirm p is down",
      "hook before (POST)",
      "PgBouncer pool: pause app",
      "fence p",
      "promote s",
      "PgBouncer pool: point app at s",
      "PgBouncer pool: resume app",
      "DNS name: point db at s",
      "hook after (on s, best-effort)",
      "repoint standbys and traffic to s",
      "validate s serves as primary",
      "hook done (POST)",
      "PgBouncer pool: resume app",
      "hook page (POST)",
    ]);
    const failure = plan.steps.slice(-2).map((x) => x.spec);
    expect(failure).toEqual([
      expect.objectContaining({ onFailure: true }),
      expect.objectContaining({ onFailure: true }),
    ]);
    expect(plan.steps[1]?.spec).toMatchObject({ context: { action: "failover", oldPrimary: "p", newPrimary: "s" } });
  });

  it("removes a drained node's record and adds it back in an active-active cluster only", () => {
    const active = planState([node("a", "ACTIVE"), node("b", "ACTIVE"), node("c", "ACTIVE")], "active-active");
    expect(planAction(active, { type: "drain", target: "a", params: {} }).steps.map((x) => x.name)).toEqual([
      "hook drain (POST)",
      "drain a",
      "DNS name: remove a from db",
      "wait for a's connections to fall",
      "hook page (POST)",
    ]);
    expect(planAction(active, { type: "undrain", target: "a", params: {} }).steps.map((x) => x.name)).toEqual([
      "undrain a",
      "DNS name: add a back to db",
      "hook page (POST)",
    ]);
    const passive = planState([node("p", "PRIMARY"), node("s", "STANDBY")]);
    const undrain = planAction(passive, { type: "undrain", target: "s", params: {} }).steps.map((x) => x.name);
    expect(undrain.filter((name) => name.startsWith("DNS"))).toEqual([]);
  });
});

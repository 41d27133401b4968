// Test fixtures for readiness: a cluster that passes every reason, its nodes and endpoints, and
// the verdict on one reason.
import type { ReasonId } from "../../lib/status.ts";
import { judgeReadiness, type ReadinessInput, type ReadinessNode, type WebhookEndpointReach } from "./readiness.ts";

export const NOW = Date.UTC(2026, 10, 23, 12);
export const DAY = 86_400_000;

export const node = (name: string, role: ReadinessNode["role"], extra: Partial<ReadinessNode> = {}): ReadinessNode => ({
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

export const endpoint = (extra: Partial<WebhookEndpointReach> = {}): WebhookEndpointReach => ({
  name: "ops-pager",
  enabled: true,
  events: ["*"],
  lastAttempt: "succeeded",
  ...extra,
});

/** A cluster that passes every reason; each test changes one thing. */
export const ready = (extra: Partial<ReadinessInput> = {}): ReadinessInput => ({
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

export const reasonOf = (id: ReasonId, input: ReadinessInput) => {
  const found = judgeReadiness(input).reasons.find((r) => r.id === id);
  if (!found) throw new Error(`no reason ${id}`);
  return found;
};
export const stateOf = (id: ReasonId, input: ReadinessInput) => reasonOf(id, input).state;

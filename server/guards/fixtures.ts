// Cluster states for guard and plan tests.
import type { GuardNode, GuardState } from "./types.ts";

export const node = (name: string, role: GuardNode["role"], extra: Partial<GuardNode> = {}): GuardNode => ({
  name,
  role,
  reportedRole: role,
  needsRejoin: false,
  writable: role === "PRIMARY" ? true : null,
  state: "HEALTHY",
  confirmedDown: false,
  isolated: false,
  fenced: false,
  paused: false,
  hasAgent: true,
  failingAppChecks: [],
  replicationMode: role === "STANDBY" ? "async" : null,
  lagBytes: role === "STANDBY" ? 0 : null,
  lagSeconds: role === "STANDBY" ? 0 : null,
  trafficState: role === "ACTIVE" ? "ready" : null,
  requestsPerSec: 0,
  maxRequestsPerSec: null,
  ...extra,
});

export const state = (nodes: GuardNode[], extra: Partial<GuardState> = {}): GuardState => ({
  cluster: "c",
  mode: "active-passive",
  rpoBudgetBytes: 1000,
  rpoBudgetSeconds: 5,
  cooldownMs: 600_000,
  lastFailoverAt: null,
  cooldownLiftedAt: null,
  splitBrain: false,
  lossMoment: null,
  paused: false,
  activeActions: [],
  nodes,
  now: 1_000_000_000,
  ...extra,
});

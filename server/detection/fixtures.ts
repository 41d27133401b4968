// Test fixtures for the detector: nodes and clusters as the store hands them over, agent
// documents, and a detector whose events are collected.
import type { AgentStatus } from "../../agent/protocol.ts";
import { Detector } from "./detector.ts";
import type { EventRow } from "./events.ts";
import type { FleetCluster, FleetNode } from "./fleet.ts";

export const node = (id: string, role: FleetNode["role"]): FleetNode => ({
  id,
  name: id,
  agentUrl: `http://127.0.0.1/${id}`,
  token: null,
  role,
  reportedRole: role,
  needsRejoin: false,
  state: "HEALTHY",
  failures: 0,
  confirmedDown: false,
  isolated: false,
  lagOver: false,
  degraded: false,
  stateChangedAt: null,
  lastSeenAt: null,
  lastPushedAt: null,
});

export const cluster = (mode: FleetCluster["mode"], nodes: FleetNode[]): FleetCluster => ({
  id: "c",
  name: "c",
  mode,
  intervalMs: 1000,
  timeoutMs: 500,
  failureThreshold: 2,
  rpoBudgetBytes: 1000,
  rpoBudgetSeconds: 0,
  lagAlertBytes: null,
  lagAlertSeconds: null,
  imbalanceAlertPercent: 20,
  splitBrain: false,
  imbalanced: false,
  nodes,
});

export const status = (name: string, extra: Partial<AgentStatus>): AgentStatus => ({
  agent: { id: name, version: "1" },
  node: { name },
  observedAt: new Date(0).toISOString(),
  role: "active",
  healthy: true,
  ...extra,
});

export function detector(c: FleetCluster) {
  const events: EventRow[] = [];
  const d = new Detector({
    sample: () => undefined,
    node: () => undefined,
    cluster: () => undefined,
    event: (e) => events.push(e),
  });
  d.sync([c]);
  return { d, events, types: () => events.map((e) => e.type) };
}

// One stored sample from one poll (or push): the figures charts and rollups read.
import type { AgentStatus } from "../../agent/protocol.ts";
import type { NodeRole, NodeState } from "../db/generated/enums.ts";

/** Column names as in the `sample` table, so a batch inserts as one JSON recordset. */
export interface SampleRow {
  nodeId: string;
  at: string;
  reachable: boolean;
  healthy: boolean;
  role: NodeRole;
  state: NodeState;
  pollLatencyMs: number | null;
  lagBytes: number | null;
  lagSeconds: number | null;
  weight: number | null;
  activeConnections: number | null;
  requestsPerSec: number | null;
  errorRate: number | null;
  failedChecks: Record<string, string[]> | null;
}

export const roleOf = (status: AgentStatus): NodeRole => status.role.toUpperCase() as NodeRole;

function failedChecks(status: AgentStatus): Record<string, string[]> | null {
  const failed: Record<string, string[]> = {};
  for (const check of status.checks ?? [])
    if (!check.ok) failed[check.layer] = [...(failed[check.layer] ?? []), check.name];
  return Object.keys(failed).length ? failed : null;
}

export function sampleOf(
  nodeId: string,
  at: number,
  state: NodeState,
  role: NodeRole,
  status: AgentStatus | null,
  pollLatencyMs: number | null,
): SampleRow {
  return {
    nodeId,
    at: new Date(at).toISOString(),
    reachable: status !== null,
    healthy: status?.healthy ?? false,
    role,
    state,
    pollLatencyMs,
    lagBytes: status?.replication?.lagBytes ?? null,
    lagSeconds: status?.replication?.lagSeconds ?? null,
    weight: status?.traffic?.weight ?? null,
    activeConnections: status?.traffic?.activeConnections ?? null,
    requestsPerSec: status?.traffic?.requestsPerSec ?? null,
    errorRate: status?.traffic?.errorRate ?? null,
    failedChecks: status ? failedChecks(status) : null,
  };
}

// The fleet as the control loop sees it: clusters with their detection settings and nodes with
// their last known state, loaded from the store and kept in memory between polls.
import type { AgentStatus } from "../../agent/protocol.ts";
import type { ClusterMode, NodeRole, NodeState } from "../db/generated/enums.ts";

export interface FleetNode {
  id: string;
  name: string;
  agentUrl: string | null;
  /** The bearer token the console presents to this node's agent; null when none was made. */
  token: string | null;
  /** The console's view: a former primary awaiting rejoin keeps the role the console gave it. */
  role: NodeRole;
  /** What its agent last said. */
  reportedRole: NodeRole;
  /** A former primary replaced by a failover, until it rejoins; set and cleared by actions, not by detection. */
  needsRejoin: boolean;
  state: NodeState;
  failures: number;
  confirmedDown: boolean;
  isolated: boolean;
  lagOver: boolean;
  /**
   * Its service fails its application checks while it answers (node.degraded raised, not yet node.restored);
   * stored like lagOver.
   */
  degraded: boolean;
  stateChangedAt: Date | null;
  lastSeenAt: Date | null;
  lastPushedAt: Date | null;
}

export interface FleetCluster {
  id: string;
  name: string;
  mode: ClusterMode;
  intervalMs: number;
  timeoutMs: number;
  failureThreshold: number;
  rpoBudgetBytes: number;
  rpoBudgetSeconds: number;
  lagAlertBytes: number | null;
  lagAlertSeconds: number | null;
  imbalanceAlertPercent: number | null;
  splitBrain: boolean;
  imbalanced: boolean;
  nodes: FleetNode[];
}

export type PollResult =
  | { ok: true; status: AgentStatus; latencyMs: number | null }
  | {
      ok: false;
      error: string;
      latencyMs: number | null;
      badDocument?: { field: string; message: string };
      /** Its own agent says the service's process is gone: a certain death, no threshold to wait for. */
      gone?: boolean;
    };

/** A node between polls: what the store knew plus the last status the agent gave. */
export interface NodeRuntime extends FleetNode {
  clusterId: string;
  status: AgentStatus | null;
  statusAt: number;
  lastError: string | null;
  /** Polls in a row whose application checks disagree with `degraded`: it flips at the failure threshold. */
  serviceStreak: number;
  /** Its agent answers with documents outside the protocol (node.bad_document raised); cleared by a valid one. */
  badDocument: boolean;
  /** Its own agent said, at the last poll, that the service's process is gone: a certain death. */
  gone: boolean;
  /** Its agent was silent at the last poll and its peers were refused at its port: a certain death too. */
  refusedByPeers: boolean;
  /** When its agent's words first claimed writes (primary, writable) in a row of such words; null if they do not. */
  claimingSince: number | null;
}

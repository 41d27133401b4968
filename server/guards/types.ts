// What every guard sees and says. Guards are pure functions of the cluster's state at one moment.
import type { Mode } from "../../lib/modes.ts";

export interface GuardResult {
  id: string;
  ok: boolean;
  reason: string;
  overridable: boolean;
}

export interface GuardNode {
  name: string;
  /** The console's view: a former primary awaiting rejoin is not PRIMARY, whatever it claims. */
  role: "PRIMARY" | "STANDBY" | "ACTIVE" | "UNKNOWN";
  /** What its agent last said. */
  reportedRole: "PRIMARY" | "STANDBY" | "ACTIVE" | "UNKNOWN";
  /** A former primary replaced by a failover: fenced until it rejoins. */
  needsRejoin: boolean;
  /** Its agent's "writable" check: false when writes are refused (fenced), null when it has no such check. */
  writable: boolean | null;
  state: "HEALTHY" | "SUSPECT" | "DOWN" | "UNKNOWN";
  confirmedDown: boolean;
  isolated: boolean;
  fenced: boolean;
  paused: boolean;
  hasAgent: boolean;
  /**
   * Application-layer checks its agent last reported failing (e.g. "sql"): the node answers but its
   * service does not. Network and process failures fail the poll itself; business checks such as a
   * standby's "replaying" fail by design when its primary is gone.
   */
  failingAppChecks: string[];
  replicationMode: "sync" | "async" | "quorum" | null;
  lagBytes: number | null;
  lagSeconds: number | null;
  trafficState: "ready" | "drain" | "maint" | null;
  requestsPerSec: number;
  maxRequestsPerSec: number | null;
}

export interface GuardState {
  cluster: string;
  mode: Mode;
  rpoBudgetBytes: number;
  rpoBudgetSeconds: number;
  cooldownMs: number;
  lastFailoverAt: number | null;
  cooldownLiftedAt: number | null;
  splitBrain: boolean;
  /** Set while the primary is lost: standbys' lag figures are those of this moment, not of now. */
  lossMoment: { primary: string; at: number } | null;
  paused: boolean;
  /** Actions of this cluster that are pending or running, other than the one being judged. */
  activeActions: { id: string; type: string }[];
  nodes: GuardNode[];
  now: number;
}

export const pass = (id: string, reason: string, overridable = false): GuardResult => ({
  id,
  ok: true,
  reason,
  overridable,
});
export const fail = (id: string, reason: string, overridable = false): GuardResult => ({
  id,
  ok: false,
  reason,
  overridable,
});

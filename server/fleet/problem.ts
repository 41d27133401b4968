// The worst current problem of a cluster, in words an on-call engineer reads at a glance.
// Pure: the caller passes the cluster's flags, its nodes, and what the peers said of down nodes.
import type { Problem } from "../../lib/status.ts";
import type { ClusterMode, NodeRole, NodeState } from "../db/generated/enums.ts";
import { lag } from "../../lib/format.ts";
import { type FailoverCandidate, nodeFix, promoteFix } from "./problem-fix.ts";

export interface ProblemNode {
  name: string;
  role: NodeRole;
  state: NodeState;
  confirmedDown: boolean;
  isolated: boolean;
  lagOver: boolean;
  lagBytes: number | null;
  lagSeconds: number | null;
  /** From the last node.down event: how many peers could not reach it, of how many. */
  peers: { unreachableBy: number; reachableBy: number; of: number } | null;
  /** Detection raised node.degraded (its service failed for the failure threshold) and not yet node.restored. */
  degraded: boolean;
  /** Application checks its agent last reported failing, to name them. */
  failingAppChecks: string[];
  /** A former primary replaced by a failover, until it rejoins. */
  needsRejoin: boolean;
  fenced: boolean;
  /** Its traffic state as last reported (else configured), lower case: "drain" takes no traffic. */
  trafficState: string | null;
}

export interface ProblemCluster {
  mode: ClusterMode;
  splitBrain: boolean;
  imbalanced: boolean;
  /** The standby the console would promote, loaded only while a failover or switchover may be the fix. */
  candidate?: FailoverCandidate | null;
}

const list = (nodes: ProblemNode[]) => nodes.map((n) => n.name).join(", ");
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function downText(node: ProblemNode): string {
  const role = node.role === "UNKNOWN" ? "node" : node.role.toLowerCase();
  if (node.isolated) {
    const still = node.peers
      ? `${node.peers.reachableBy}/${node.peers.of} peers still reach it`
      : "its peers still reach it";
    return `${role} ${node.name} isolated: the console cannot reach it, ${still}`;
  }
  if (node.confirmedDown)
    return (
      `${role} ${node.name} down, confirmed` +
      (node.peers ? ` by ${node.peers.unreachableBy}/${node.peers.of} peers` : "")
    );
  return `${role} ${node.name} down, not confirmed by its peers`;
}

/** What is true of a former primary now, and what to do about it. */
function formerText(node: ProblemNode, standbys: number): string {
  const where = node.state === "DOWN" ? "is down" : "is back";
  const fence = node.fenced ? "and fenced" : "and not fenced";
  return `${node.name}, the former primary, ${where} ${fence}; ${plural(standbys, "standby")} left: rejoin it`;
}

/** Whether the fix may be a promotion (the primary lost or failing), so the caller loads the candidate. */
export function mayPromote(mode: ClusterMode, nodes: Pick<ProblemNode, "role" | "state" | "degraded">[]): boolean {
  if (mode !== "ACTIVE_PASSIVE" || nodes.length === 0) return false;
  const primaries = nodes.filter((n) => n.role === "PRIMARY");
  return primaries.length === 0 || primaries.some((n) => n.state === "DOWN" || n.degraded);
}

export function worstProblem(cluster: ProblemCluster, nodes: ProblemNode[]): Problem | null {
  const primaries = nodes.filter((n) => n.role === "PRIMARY" && n.state !== "DOWN");
  if (cluster.splitBrain)
    return {
      severity: "critical",
      text: `split-brain: ${plural(primaries.length, "node")} report primary (${list(primaries)})`,
    };
  const down = nodes.filter((n) => n.state === "DOWN" && !n.needsRejoin);
  const primaryDown = down.find((n) => n.role === "PRIMARY");
  // Only a loss its peers confirmed is failed over from: an isolated primary may still take writes.
  if (primaryDown) {
    const fix = primaryDown.confirmedDown ? promoteFix("failover", cluster.candidate) : undefined;
    return { severity: "critical", text: downText(primaryDown), ...(fix && { fix }) };
  }
  const reporting = nodes.filter((n) => n.state !== "UNKNOWN");
  if (cluster.mode === "ACTIVE_PASSIVE" && reporting.length > 0 && primaries.length === 0) {
    const fix = promoteFix("failover", cluster.candidate);
    return { severity: "critical", text: "no primary", ...(fix && { fix }) };
  }
  if (cluster.mode === "ACTIVE_ACTIVE" && reporting.length > 0 && nodes.every((n) => n.state !== "HEALTHY"))
    return { severity: "critical", text: "no healthy node" };
  // As with a node's state, one failing poll is not yet the cluster's problem: the alert decides.
  const failing = nodes.filter((n) => n.state !== "DOWN" && n.degraded);
  const checks = (of: ProblemNode[]) =>
    [...new Set(of.flatMap((n) => n.failingAppChecks))].join(", ") || "its application checks";
  const failingPrimary = failing.find((n) => n.role === "PRIMARY");
  if (failingPrimary) {
    const fix = promoteFix("switchover", cluster.candidate);
    return {
      severity: "critical",
      text: `primary ${failingPrimary.name} answers but its service fails ${checks([failingPrimary])}`,
      ...(fix && { fix }),
    };
  }
  if (cluster.mode === "ACTIVE_ACTIVE" && failing.length > 0 && failing.length === reporting.length) {
    return { severity: "critical", text: `every node answers but fails its service checks (${list(failing)})` };
  }
  const former = nodes.find((n) => n.needsRejoin);
  if (former) {
    const standbys = nodes.filter((n) => n.role === "STANDBY" && n.state === "HEALTHY").length;
    // Back, claiming primary, and not fenced: a second writer is possible.
    const writable = former.state !== "DOWN" && !former.fenced;
    const text = formerText(former, standbys);
    // A former primary still down has no agent to answer the rejoin: the fix waits for it to be back.
    if (former.state === "DOWN") return { severity: "warning", text };
    return { severity: writable ? "critical" : "warning", text, fix: nodeFix("rejoin", former.name) };
  }
  if (down.length === 1) return { severity: "warning", text: downText(down[0]!) };
  if (down.length > 1) return { severity: "warning", text: `${plural(down.length, "node")} down: ${list(down)}` };
  if (failing.length)
    return {
      severity: "warning",
      text: `${list(failing)} ${failing.length === 1 ? "answers but fails" : "answer but fail"} ${checks(failing)}`,
    };
  const lagging = nodes.filter((n) => n.lagOver).sort((a, b) => (b.lagBytes ?? 0) - (a.lagBytes ?? 0));
  if (lagging[0]) {
    const n = lagging[0];
    return {
      severity: "warning",
      text: `${n.name} replication lag ${lag(n.lagBytes, n.lagSeconds)} over the alert threshold`,
    };
  }
  if (cluster.imbalanced) return { severity: "warning", text: "traffic does not follow the weights" };
  const suspect = nodes.filter((n) => n.state === "SUSPECT");
  if (suspect.length) return { severity: "warning", text: `${list(suspect)} missed polls (suspect)` };
  return heldBack(cluster, nodes) ?? silent(nodes);
}

/** Nodes an operator took out of service and may forget: fenced (no writes) or drained (no traffic). */
function heldBack(cluster: ProblemCluster, nodes: ProblemNode[]): Problem | null {
  const live = nodes.filter((n) => n.state !== "DOWN" && !n.needsRejoin);
  if (cluster.mode === "ACTIVE_ACTIVE") {
    const drained = live.find((n) => n.trafficState === "drain");
    if (!drained) return null;
    return {
      severity: "info",
      text: `${drained.name} drained: it takes no traffic`,
      fix: nodeFix("undrain", drained.name),
    };
  }
  const fenced = live.find((n) => n.fenced);
  if (!fenced) return null;
  const primary = fenced.role === "PRIMARY";
  return {
    severity: primary ? "warning" : "info",
    text: `${primary ? "primary " : ""}${fenced.name} fenced: it takes no writes`,
    fix: nodeFix("unfence", fenced.name),
  };
}

function silent(nodes: ProblemNode[]): Problem | null {
  const unknown = nodes.filter((n) => n.state === "UNKNOWN");
  if (unknown.length) return { severity: "info", text: `no report yet from ${plural(unknown.length, "node")}` };
  return null;
}

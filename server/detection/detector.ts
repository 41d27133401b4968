// Turns poll results into node states and events: the SUSPECT/DOWN/HEALTHY machine, confirmed
// down vs isolated from the peers' views, role changes, lag over threshold, and per cluster
// split-brain and traffic imbalance. Pure over its inputs and a sink; time comes with each call.
import { failedAppChecks } from "../fleet/status-figures.ts";
import type { DetectionSink } from "./sink.ts";
import { clusterEvent, lossSeverity, nodeEvent, who } from "./events.ts";
import type { FleetCluster, NodeRuntime, PollResult } from "./fleet.ts";
import { formatBytes, formatDuration } from "./format.ts";
import { nextHealth } from "./health.ts";
import { worstImbalance } from "./imbalance.ts";
import { isLagOver, lagThresholds } from "./lag.ts";
import { byOwnAgent, describeVerdict, peerVerdict, type PeerVerdict } from "./peer-verdict.ts";
import { roleOf, sampleOf } from "./sample.ts";

/**
 * A node that reports primary takes writes, unless it is a former primary the console fenced again
 * and whose agent says writes are refused: that one is no second writer.
 */
function claimsWrites(node: NodeRuntime): boolean {
  if (node.status?.role !== "primary") return false;
  return !(node.needsRejoin && node.status.checks?.some((c) => c.name === "writable" && !c.ok));
}

/** A node newly known to detection: what the store knew, and nothing observed yet. */
const UNOBSERVED = { status: null, statusAt: 0, lastError: null, serviceStreak: 0, badDocument: false, gone: false };

export class Detector {
  private readonly clusters = new Map<string, FleetCluster>();
  private readonly nodes = new Map<string, NodeRuntime>();

  constructor(private readonly sink: DetectionSink) {}

  /** Takes the fleet's current settings; nodes already known keep their runtime state. */
  sync(fleet: FleetCluster[]) {
    const seen = new Set<string>();
    const previous = new Map(this.clusters);
    this.clusters.clear();
    for (const cluster of fleet) {
      // Flags decided here but not yet stored must survive a refresh from the store.
      const known = previous.get(cluster.id);
      this.clusters.set(cluster.id, { ...cluster, splitBrain: known?.splitBrain ?? cluster.splitBrain, imbalanced: known?.imbalanced ?? cluster.imbalanced });
      for (const node of cluster.nodes) {
        seen.add(node.id);
        const runtime = this.nodes.get(node.id);
        if (runtime) {
          Object.assign(runtime, { agentUrl: node.agentUrl, token: node.token, name: node.name, lastPushedAt: node.lastPushedAt });
          // Actions set and clear a former primary's flag, and the role that goes with it.
          if (runtime.needsRejoin !== node.needsRejoin) Object.assign(runtime, { needsRejoin: node.needsRejoin, role: node.role });
        } else this.nodes.set(node.id, { ...node, ...UNOBSERVED, clusterId: cluster.id });
      }
    }
    for (const id of this.nodes.keys()) if (!seen.has(id)) this.nodes.delete(id);
  }

  clusterIds(): string[] {
    return [...this.clusters.keys()];
  }

  nodeCount(): number {
    return this.nodes.size;
  }

  cluster(id: string): FleetCluster | undefined {
    return this.clusters.get(id);
  }

  node(id: string): NodeRuntime | undefined {
    return this.nodes.get(id);
  }

  nodesOf(clusterId: string): NodeRuntime[] {
    return this.clusters.get(clusterId)?.nodes.flatMap((n) => this.nodes.get(n.id) ?? []) ?? [];
  }

  observe(nodeId: string, result: PollResult, at: number) {
    const node = this.nodes.get(nodeId);
    const cluster = node && this.clusters.get(node.clusterId);
    if (!node || !cluster) return;
    // A process its own agent reports gone is dead for certain; a stall or silence waits for the threshold.
    node.gone = !result.ok && result.gone === true;
    const health = nextHealth(node, result.ok, cluster.failureThreshold, node.gone);
    if (result.ok) {
      const seen = { statusAt: at, lastSeenAt: new Date(at), lastError: null, badDocument: false };
      Object.assign(node, { status: result.status, ...seen });
      this.noteRole(node, roleOf(result.status), at);
      this.noteLag(cluster, node, at);
      this.noteService(cluster, node, at);
    } else {
      node.lastError = result.error;
      if (result.badDocument) this.noteBadDocument(node, result.badDocument, at);
    }
    const previous = node.state;
    node.failures = health.failures;
    if (health.state !== previous) this.transition(cluster, node, health.state, at);
    this.sink.sample(sampleOf(node.id, at, node.state, node.role, result.ok ? result.status : null, result.latencyMs));
    this.sink.node(node);
  }

  private transition(cluster: FleetCluster, node: NodeRuntime, state: NodeRuntime["state"], at: number) {
    const previous = node.state;
    const downFor = node.stateChangedAt ? at - node.stateChangedAt.getTime() : null;
    node.state = state;
    node.stateChangedAt = new Date(at);
    if (state === "SUSPECT") {
      this.sink.event(
        nodeEvent(node, at, "node.suspect", "WARNING", `${who(node)} missed a poll (${node.lastError}); suspect, ${node.failures}/${cluster.failureThreshold} failures`, {
          error: node.lastError,
          failures: node.failures,
        }),
      );
    } else if (state === "DOWN") {
      const verdict = this.verdict(cluster, node, at);
      node.confirmedDown = verdict.confirmedDown;
      node.isolated = verdict.isolated;
      const why = node.gone ? `${node.lastError}; no need to wait for ${cluster.failureThreshold} polls` : `${node.failures} polls failed in a row (${node.lastError})`;
      this.sink.event(this.downEvent(cluster, node, verdict, at, why));
    } else if (state === "HEALTHY") {
      node.confirmedDown = false;
      node.isolated = false;
      if (previous === "DOWN") {
        const after = downFor === null ? "" : ` after ${formatDuration(downFor)} down`;
        this.sink.event(nodeEvent(node, at, "node.recovered", "INFO", `${who(node)} recovered${after}`, { downMs: downFor }));
      } else {
        this.sink.event(nodeEvent(node, at, "node.healthy", "INFO", `${who(node)} is healthy`, { was: previous }));
      }
    }
  }

  private downEvent(cluster: FleetCluster, node: NodeRuntime, verdict: PeerVerdict, at: number, why: string) {
    const details = { ...verdict, error: node.lastError, failures: node.failures, boundMs: cluster.failureThreshold * cluster.intervalMs + cluster.timeoutMs };
    if (verdict.isolated) {
      const summary = `${who(node)} is isolated: the console cannot reach it but ${describeVerdict(verdict)}; no failover`;
      return nodeEvent(node, at, "node.isolated", lossSeverity(node), summary, details);
    }
    const type = verdict.confirmedDown && why === "" ? "node.confirmed_down" : "node.down";
    const summary = why === "" ? `${who(node)} is down, ${describeVerdict(verdict)}` : `${who(node)} is down: ${why}; ${describeVerdict(verdict)}`;
    return nodeEvent(node, at, type, lossSeverity(node), summary, details);
  }

  /** The peers' last fresh word on `node`: does a majority still reach it, or not? */
  private verdict(cluster: FleetCluster, node: NodeRuntime, at: number): PeerVerdict {
    // The console reaches its agent, which says the process is gone: no partition to rule out.
    if (node.gone) return byOwnAgent(this.nodesOf(cluster.id).length - 1);
    const freshMs = 2 * cluster.intervalMs + cluster.timeoutMs;
    const views = this.nodesOf(cluster.id)
      .filter((peer) => peer !== node)
      .map((peer) => {
        const fresh = peer.status !== null && peer.state !== "DOWN" && at - peer.statusAt <= freshMs;
        return { reachable: fresh ? peer.status?.peers?.find((p) => p.node === node.name)?.reachable : undefined };
      });
    return peerVerdict(views);
  }

  private noteRole(node: NodeRuntime, reported: NodeRuntime["role"], at: number) {
    node.reportedRole = reported;
    // A former primary is what the console made it until it rejoins, whatever it claims.
    const role = node.needsRejoin ? node.role : reported;
    if (role === node.role) return;
    const was = node.role;
    node.role = role;
    if (was !== "UNKNOWN") {
      this.sink.event(nodeEvent(node, at, "node.role_changed", "WARNING", `${node.name} now reports ${role.toLowerCase()} (was ${was.toLowerCase()})`, { role, was }));
    }
  }

  /**
   * The agent answers but its service fails an application check (a database refusing `SELECT 1`):
   * the node stays reachable, so no failover, but whoever is on call must hear of it. Like the node
   * state, it flips only after `failureThreshold` polls in a row, so a flapping check cannot storm.
   */
  private noteService(cluster: FleetCluster, node: NodeRuntime, at: number) {
    // An agent that runs no checks says nothing either way.
    if (!node.status?.checks) return;
    const failed = failedAppChecks(node.status);
    if (failed.length > 0 === node.degraded) {
      node.serviceStreak = 0;
      return;
    }
    node.serviceStreak += 1;
    if (node.serviceStreak < cluster.failureThreshold) return;
    node.serviceStreak = 0;
    node.degraded = failed.length > 0;
    if (node.degraded) {
      const why = failed.map((c) => (c.detail ? `${c.name}: ${c.detail}` : c.name)).join("; ");
      const severity = node.role === "STANDBY" ? "WARNING" : "CRITICAL";
      this.sink.event(nodeEvent(node, at, "node.degraded", severity, `${who(node)} answers but its service fails (${why})`, { failing: failed.map((c) => c.name) }));
    } else {
      this.sink.event(nodeEvent(node, at, "node.restored", "INFO", `${who(node)} serves again: its application checks pass`));
    }
  }

  /**
   * The agent answers, but with a document outside the protocol: its polls fail like a lost node's,
   * yet the fix is the agent's, so say that once when it starts (not every poll) until a valid one comes.
   */
  private noteBadDocument(node: NodeRuntime, problem: { field: string; message: string }, at: number) {
    if (node.badDocument) return;
    node.badDocument = true;
    const refused = `${who(node)} sends a status document the console refuses (${problem.field}: ${problem.message})`;
    const summary = `${refused}; its polls fail until it sends a valid one`;
    this.sink.event(nodeEvent(node, at, "node.bad_document", "WARNING", summary, problem));
  }

  private noteLag(cluster: FleetCluster, node: NodeRuntime, at: number) {
    const replication = node.status?.replication;
    const thresholds = lagThresholds(cluster);
    const lag = { bytes: replication?.lagBytes, seconds: replication?.lagSeconds };
    const over = node.role === "STANDBY" && isLagOver(lag, thresholds, node.lagOver);
    if (over === node.lagOver) return;
    node.lagOver = over;
    const figures = `${formatBytes(lag.bytes ?? 0)} / ${(lag.seconds ?? 0).toFixed(1)} s`;
    const limits = `${thresholds.bytes === null ? "–" : formatBytes(thresholds.bytes)} / ${thresholds.seconds === null ? "–" : `${thresholds.seconds} s`}`;
    this.sink.event(
      over
        ? nodeEvent(node, at, "lag.over", "WARNING", `${node.name} replication lag ${figures} is over the threshold (${limits})`, { lag, thresholds })
        : nodeEvent(node, at, "lag.under", "INFO", `${node.name} replication lag is back under the threshold (${figures})`, { lag, thresholds }),
    );
  }

  /** Cluster-wide conditions, after a round of polls. */
  evaluate(clusterId: string, at: number) {
    const cluster = this.clusters.get(clusterId);
    if (!cluster) return;
    const nodes = this.nodesOf(clusterId);
    for (const node of nodes.filter((n) => n.state === "DOWN")) {
      const verdict = this.verdict(cluster, node, at);
      if (verdict.confirmedDown === node.confirmedDown && verdict.isolated === node.isolated) continue;
      node.confirmedDown = verdict.confirmedDown;
      node.isolated = verdict.isolated;
      this.sink.event(this.downEvent(cluster, node, verdict, at, ""));
      this.sink.node(node);
    }
    const freshMs = 2 * cluster.intervalMs + cluster.timeoutMs;
    const live = nodes.filter((n) => n.state !== "DOWN" && n.status !== null && at - n.statusAt <= freshMs);
    this.noteSplitBrain(cluster, live.filter(claimsWrites).map((n) => n.name), at);
    if (cluster.mode === "ACTIVE_ACTIVE" && cluster.imbalanceAlertPercent !== null) this.noteImbalance(cluster, live, at);
  }

  private noteSplitBrain(cluster: FleetCluster, primaries: string[], at: number) {
    const split = primaries.length >= 2;
    if (split === cluster.splitBrain) return;
    cluster.splitBrain = split;
    this.sink.cluster(cluster);
    this.sink.event(
      split
        ? clusterEvent(cluster.id, at, "split_brain", "CRITICAL", `${cluster.name}: ${primaries.length} nodes report primary (${primaries.join(", ")}): split-brain; failover is blocked`, { primaries })
        : clusterEvent(cluster.id, at, "split_brain.resolved", "INFO", `${cluster.name}: one primary again; split-brain resolved`),
    );
  }

  private noteImbalance(cluster: FleetCluster, live: NodeRuntime[], at: number) {
    const serving = live.filter((n) => n.state === "HEALTHY" && n.status?.traffic?.state !== "drain" && n.status?.traffic?.state !== "maint");
    const worst = worstImbalance(
      serving.map((n) => ({ name: n.name, weight: n.status?.traffic?.weight ?? 0, requestsPerSec: n.status?.traffic?.requestsPerSec ?? 0 })),
    );
    const limit = cluster.imbalanceAlertPercent ?? 0;
    const imbalanced = worst !== null && worst.gap > limit * (cluster.imbalanced ? 0.9 : 1);
    if (imbalanced === cluster.imbalanced) return;
    cluster.imbalanced = imbalanced;
    this.sink.cluster(cluster);
    this.sink.event(
      imbalanced && worst
        ? clusterEvent(cluster.id, at, "traffic.imbalance", "WARNING", `${cluster.name}: ${worst.node} takes ${worst.actual.toFixed(0)}% of requests, its weight asks for ${worst.expected.toFixed(0)}%`, { ...worst, limit })
        : clusterEvent(cluster.id, at, "traffic.balanced", "INFO", `${cluster.name}: traffic follows the weights again`),
    );
  }
}

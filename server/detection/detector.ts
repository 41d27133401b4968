// Turns poll results into node states and events: the SUSPECT/DOWN/HEALTHY machine, confirmed
// down vs isolated from the peers' views, role changes, lag over threshold, and per cluster
// split-brain and traffic imbalance. Pure over its inputs and a sink; time comes with each call.
import { noteClaim, noteClusterConditions } from "./cluster-conditions.ts";
import { downEvent } from "./down-event.ts";
import { nodeEvent, who } from "./events.ts";
import type { FleetCluster, NodeRuntime, PollResult } from "./fleet.ts";
import { duration } from "../../lib/format.ts";
import { speaksFresh } from "./fresh-window.ts";
import { nextHealth } from "./health.ts";
import { noteBadDocument, noteLag, noteRole, noteService } from "./node-observations.ts";
import { byOwnAgent, peerVerdict, type PeerVerdict } from "./peer-verdict.ts";
import { roleOf, sampleOf } from "./sample.ts";
import type { DetectionSink } from "./sink.ts";

/** A node newly known to detection: what the store knew, and nothing observed yet. */
const UNOBSERVED = {
  status: null,
  statusAt: 0,
  lastError: null,
  serviceStreak: 0,
  badDocument: false,
  gone: false,
  refusedByPeers: false,
  claimingSince: null,
};

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
      const splitBrain = known?.splitBrain ?? cluster.splitBrain;
      this.clusters.set(cluster.id, { ...cluster, splitBrain, imbalanced: known?.imbalanced ?? cluster.imbalanced });
      for (const node of cluster.nodes) {
        seen.add(node.id);
        const runtime = this.nodes.get(node.id);
        if (runtime) {
          const { agentUrl, token, name, lastPushedAt, needsRejoin, role } = node;
          Object.assign(runtime, { agentUrl, token, name, lastPushedAt });
          // Actions set and clear a former primary's flag, and the role that goes with it.
          if (runtime.needsRejoin !== needsRejoin) Object.assign(runtime, { needsRejoin, role });
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
    node.refusedByPeers = !result.ok && !node.gone && this.refusedByPeers(cluster, node, at);
    const health = nextHealth(node, result.ok, cluster.failureThreshold, node.gone || node.refusedByPeers);
    if (result.ok) {
      const seen = { statusAt: at, lastSeenAt: new Date(at), lastError: null, badDocument: false };
      Object.assign(node, { status: result.status, ...seen });
      noteRole(this.sink, node, roleOf(result.status), at);
      noteClaim(node, at);
      noteLag(this.sink, cluster, node, at);
      noteService(this.sink, cluster, node, at);
    } else {
      node.lastError = result.error;
      if (result.badDocument) noteBadDocument(this.sink, node, result.badDocument, at);
    }
    const previous = node.state;
    node.failures = health.failures;
    if (health.state !== previous) this.transition(cluster, node, health.state, at);
    const status = result.ok ? result.status : null;
    this.sink.sample(sampleOf(node.id, at, node.state, node.role, status, result.latencyMs));
    this.sink.node(node);
  }

  private transition(cluster: FleetCluster, node: NodeRuntime, state: NodeRuntime["state"], at: number) {
    const previous = node.state;
    const downFor = node.stateChangedAt ? at - node.stateChangedAt.getTime() : null;
    node.state = state;
    node.stateChangedAt = new Date(at);
    if (state === "SUSPECT") {
      const failures = `${node.failures}/${cluster.failureThreshold} failures`;
      const summary = `${who(node)} missed a poll (${node.lastError}); suspect, ${failures}`;
      const details = { error: node.lastError, failures: node.failures };
      this.sink.event(nodeEvent(node, at, "node.suspect", "WARNING", summary, details));
    } else if (state === "DOWN") {
      const verdict = this.verdict(cluster, node, at);
      node.confirmedDown = verdict.confirmedDown;
      node.isolated = verdict.isolated;
      this.sink.event(downEvent("went-down", cluster, node, verdict, at));
    } else if (state === "HEALTHY") {
      node.confirmedDown = false;
      node.isolated = false;
      if (previous === "DOWN") {
        const after = downFor === null ? "" : ` after ${duration(downFor)} down`;
        const summary = `${who(node)} recovered${after}`;
        this.sink.event(nodeEvent(node, at, "node.recovered", "INFO", summary, { downMs: downFor }));
      } else {
        this.sink.event(nodeEvent(node, at, "node.healthy", "INFO", `${who(node)} is healthy`, { was: previous }));
      }
    }
  }

  /**
   * Its agent does not answer, and a majority of its peers, each speaking fresh, are refused at its
   * service port: its host is up and nothing listens there, a certain death (a node lost with its agent
   * and its server). A stalled server still accepts connections and a cut-off host refuses none.
   */
  private refusedByPeers(cluster: FleetCluster, node: NodeRuntime, at: number): boolean {
    const peers = this.nodesOf(cluster.id).filter((peer) => peer !== node);
    const views = peers
      .filter((peer) => speaksFresh(peer, at, cluster))
      .map((peer) => peer.status?.peers?.find((p) => p.node === node.name));
    const refused = views.filter((view) => view?.refused === true).length;
    return peers.length > 0 && refused === views.length && refused >= Math.floor(peers.length / 2) + 1;
  }

  /** The peers' last fresh word on `node`: does a majority still reach it, or not? */
  private verdict(cluster: FleetCluster, node: NodeRuntime, at: number): PeerVerdict {
    // The console reaches its agent, which says the process is gone: no partition to rule out.
    if (node.gone) return byOwnAgent(this.nodesOf(cluster.id).length - 1);
    // A peer's word counts only while it is fresh: what it said long ago is no verdict on now.
    const saidBy = (peer: NodeRuntime) => peer.status?.peers?.find((p) => p.node === node.name)?.reachable;
    const views = this.nodesOf(cluster.id)
      .filter((peer) => peer !== node)
      .map((peer) => ({ reachable: speaksFresh(peer, at, cluster) ? saidBy(peer) : undefined }));
    return peerVerdict(views);
  }

  /** Cluster-wide conditions, after a round of polls. */
  evaluate(clusterId: string, at: number) {
    const cluster = this.clusters.get(clusterId);
    if (!cluster) return;
    const nodes = this.nodesOf(clusterId);
    // A peer polled after the node, in the same round, may be the first to say nothing listens on its port.
    for (const node of nodes.filter((n) => n.state === "SUSPECT" && this.refusedByPeers(cluster, n, at))) {
      node.refusedByPeers = true;
      node.failures = cluster.failureThreshold;
      this.transition(cluster, node, "DOWN", at);
      this.sink.node(node);
    }
    for (const node of nodes.filter((n) => n.state === "DOWN")) {
      const verdict = this.verdict(cluster, node, at);
      if (verdict.confirmedDown === node.confirmedDown && verdict.isolated === node.isolated) continue;
      node.confirmedDown = verdict.confirmedDown;
      node.isolated = verdict.isolated;
      this.sink.event(downEvent("verdict-changed", cluster, node, verdict, at));
      this.sink.node(node);
    }
    noteClusterConditions(
      this.sink,
      cluster,
      nodes.filter((n) => speaksFresh(n, at, cluster)),
      at,
    );
  }
}

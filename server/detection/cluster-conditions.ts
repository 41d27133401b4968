// Cluster-wide conditions judged from the nodes that speak fresh after a round of polls:
// split-brain (two writers) and, in an active-active cluster, traffic that ignores the weights.
import { clusterEvent } from "./events.ts";
import type { FleetCluster, NodeRuntime } from "./fleet.ts";
import { worstImbalance } from "./imbalance.ts";
import type { DetectionSink } from "./sink.ts";

/**
 * A node that reports primary takes writes, unless its agent says writes are refused (a former
 * primary fenced again, an old master fenced for a switchover while Sentinel promotes the other):
 * that one is no second writer, as the single-writer guard judges it too.
 */
function claimsWrites(node: NodeRuntime): boolean {
  if (node.status?.role !== "primary") return false;
  return !node.status.checks?.some((c) => c.name === "writable" && !c.ok);
}

/** Keeps when a node's words began to claim writes, from its newest status. */
export function noteClaim(node: NodeRuntime, at: number) {
  node.claimingSince = claimsWrites(node) ? (node.claimingSince ?? at) : null;
}

/**
 * Two writers at once: each one's latest words, still claiming writes, came after the other began
 * to claim them. Words from before another node was promoted say nothing of the moment after it (a
 * primary fenced for a switchover since, and not polled again yet, is no second writer); a real
 * split-brain is seen by the next poll of the older claimant.
 */
function writersAtOnce(live: NodeRuntime[]): string[] {
  const claimants = live.filter((n) => claimsWrites(n) && n.claimingSince !== null);
  const overlap = (a: NodeRuntime, b: NodeRuntime) =>
    a.statusAt >= (b.claimingSince ?? Infinity) && b.statusAt >= (a.claimingSince ?? Infinity);
  return claimants.filter((a) => claimants.some((b) => b !== a && overlap(a, b))).map((n) => n.name);
}

/** Raises or resolves split-brain and imbalance on `cluster`, from its `live` nodes' last words. */
export function noteClusterConditions(sink: DetectionSink, cluster: FleetCluster, live: NodeRuntime[], at: number) {
  noteSplitBrain(sink, cluster, writersAtOnce(live), at);
  const weighted = cluster.mode === "ACTIVE_ACTIVE" && cluster.imbalanceAlertPercent !== null;
  if (weighted) noteImbalance(sink, cluster, live, at);
}

function noteSplitBrain(sink: DetectionSink, cluster: FleetCluster, primaries: string[], at: number) {
  const split = primaries.length >= 2;
  if (split === cluster.splitBrain) return;
  cluster.splitBrain = split;
  sink.cluster(cluster);
  if (split) {
    const who = `${primaries.length} nodes report primary (${primaries.join(", ")})`;
    const summary = `${cluster.name}: ${who}: split-brain; failover is blocked`;
    sink.event(clusterEvent(cluster.id, at, "split_brain", "CRITICAL", summary, { primaries }));
  } else {
    const summary = `${cluster.name}: one primary again; split-brain resolved`;
    sink.event(clusterEvent(cluster.id, at, "split_brain.resolved", "INFO", summary));
  }
}

function noteImbalance(sink: DetectionSink, cluster: FleetCluster, live: NodeRuntime[], at: number) {
  const serving = live.filter((n) => {
    const traffic = n.status?.traffic?.state;
    return n.state === "HEALTHY" && traffic !== "drain" && traffic !== "maint";
  });
  const worst = worstImbalance(
    serving.map((n) => ({
      name: n.name,
      weight: n.status?.traffic?.weight ?? 0,
      requestsPerSec: n.status?.traffic?.requestsPerSec ?? 0,
    })),
  );
  const limit = cluster.imbalanceAlertPercent ?? 0;
  // 10 % hysteresis: a gap hovering at the limit does not flap.
  const imbalanced = worst !== null && worst.gap > limit * (cluster.imbalanced ? 0.9 : 1);
  if (imbalanced === cluster.imbalanced) return;
  cluster.imbalanced = imbalanced;
  sink.cluster(cluster);
  if (imbalanced && worst) {
    const shares = `takes ${worst.actual.toFixed(0)}% of requests, its weight asks for ${worst.expected.toFixed(0)}%`;
    const summary = `${cluster.name}: ${worst.node} ${shares}`;
    sink.event(clusterEvent(cluster.id, at, "traffic.imbalance", "WARNING", summary, { ...worst, limit }));
  } else {
    const summary = `${cluster.name}: traffic follows the weights again`;
    sink.event(clusterEvent(cluster.id, at, "traffic.balanced", "INFO", summary));
  }
}

// Cluster-wide conditions judged from the nodes that speak fresh after a round of polls:
// split-brain (two writers) and, in an active-active cluster, traffic that ignores the weights.
import { clusterEvent } from "./events.ts";
import type { FleetCluster, NodeRuntime } from "./fleet.ts";
import { worstImbalance } from "./imbalance.ts";
import type { DetectionSink } from "./sink.ts";

/**
 * A node that reports primary takes writes, unless it is a former primary the console fenced again
 * and whose agent says writes are refused: that one is no second writer.
 */
function claimsWrites(node: NodeRuntime): boolean {
  if (node.status?.role !== "primary") return false;
  return !(node.needsRejoin && node.status.checks?.some((c) => c.name === "writable" && !c.ok));
}

/** Raises or resolves split-brain and imbalance on `cluster`, from its `live` nodes' last words. */
export function noteClusterConditions(sink: DetectionSink, cluster: FleetCluster, live: NodeRuntime[], at: number) {
  noteSplitBrain(
    sink,
    cluster,
    live.filter(claimsWrites).map((n) => n.name),
    at,
  );
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

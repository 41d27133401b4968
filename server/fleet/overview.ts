// Every cluster at a glance: node states, the worst current problem in words, the worst standby's
// lag or the traffic share per region, availability over 30 days against the target, readiness.
import type { Db } from "../db/client.ts";
import { figuresOf } from "../guards/node-figures.ts";
import { apiMode, apiRole } from "./api-names.ts";
import { availabilityOf, uptimeMinutes } from "./availability.ts";
import { peerCounts } from "./peer-counts.ts";
import { PROBLEM_RANK } from "../../lib/status.ts";
import { failoverCandidate } from "../actions/failover-candidate.ts";
import { mayPromote, worstProblem } from "./problem.ts";
import { overviewNodes } from "./overview-nodes.ts";
import { loadReadiness, READINESS_CLUSTER_SELECT } from "./readiness-inputs.ts";
import { countStates, severityRank } from "./state-counts.ts";

/** Clusters with their nodes, each cluster's observed and up minutes, and its readiness judge: one wave of reads. */
export async function loadFleet(db: Db) {
  const [rows, nodesOf, uptime, readinessOf] = await Promise.all([
    db.cluster.findMany({
      orderBy: { name: "asc" },
      select: {
        ...READINESS_CLUSTER_SELECT,
        id: true,
        name: true,
        mode: true,
        system: true,
        paused: true,
        splitBrain: true,
        imbalanced: true,
        availabilityTarget: true,
        rpoBudgetBytes: true,
        rpoBudgetSeconds: true,
      },
    }),
    overviewNodes(db),
    uptimeMinutes(db, "fleet"),
    loadReadiness(db, "fleet"),
  ]);
  const clusters = rows.map((cluster) => ({ ...cluster, nodes: nodesOf.get(cluster.id) ?? [] }));
  return { clusters, uptime, readinessOf };
}

export async function listClusterSummaries(db: Db) {
  const { clusters, uptime, readinessOf } = await loadFleet(db);
  // Usually no node is down and this reads nothing.
  const peers = await peerCounts(
    db,
    clusters.flatMap((c) => c.nodes.filter((n) => n.state === "DOWN").map((n) => n.id)),
  );
  // Only clusters whose primary is lost or failing: usually none, and this reads nothing.
  const candidates = new Map(
    await Promise.all(
      clusters
        .filter((c) => mayPromote(c.mode, c.nodes))
        .map(async (c) => [c.id, await failoverCandidate(db, c.name)] as const),
    ),
  );
  const summaries = clusters.map((cluster) => {
    const states = countStates(cluster.nodes);
    const nodes = cluster.nodes.map((node) => ({
      ...node,
      ...figuresOf(node, node),
      peers: peers.get(node.id) ?? null,
    }));
    const problem = worstProblem({ ...cluster, candidate: candidates.get(cluster.id) }, nodes);
    const worstStandby = nodes
      .filter((n) => n.role === "STANDBY" && n.lagBytes !== null && n.state !== "DOWN")
      .sort((a, b) => (b.lagBytes ?? 0) - (a.lagBytes ?? 0))[0];
    const minutes = uptime.get(cluster.id) ?? { observed: 0, up: 0 };
    return {
      name: cluster.name,
      mode: apiMode(cluster.mode),
      system: cluster.system,
      paused: cluster.paused,
      nodeCount: cluster.nodes.length,
      states,
      problem,
      rank: PROBLEM_RANK[problem?.severity ?? "none"] * 10 + severityRank(states),
      worstLag: worstStandby
        ? {
            node: worstStandby.name,
            bytes: worstStandby.lagBytes,
            seconds: worstStandby.lagSeconds,
            budgetBytes: Number(cluster.rpoBudgetBytes),
            budgetSeconds: cluster.rpoBudgetSeconds,
          }
        : null,
      trafficByRegion: cluster.mode === "ACTIVE_ACTIVE" ? shareByRegion(nodes) : [],
      availability: availabilityOf(cluster.availabilityTarget, minutes.observed, minutes.up),
      readiness: readinessOf({ ...cluster, nodes }),
      nodes: nodes.map(({ name, state, role, needsRejoin, region, zone, lastSeenAt }) => ({
        name,
        state,
        region,
        zone,
        lastSeenAt,
        needsRejoin,
        role: apiRole(role),
      })),
    };
  });
  return summaries.sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name));
}

function shareByRegion(nodes: { region: string; state: string; requestsPerSec: number }[]) {
  const byRegion = new Map<string, number>();
  for (const node of nodes) {
    const rps = node.state === "DOWN" ? 0 : node.requestsPerSec;
    byRegion.set(node.region, (byRegion.get(node.region) ?? 0) + rps);
  }
  const total = [...byRegion.values()].reduce((sum, rps) => sum + rps, 0);
  return [...byRegion.entries()]
    .map(([region, rps]) => ({ region, requestsPerSec: rps, share: total > 0 ? rps / total : 0 }))
    .sort((a, b) => b.share - a.share);
}

export type ClusterSummary = Awaited<ReturnType<typeof listClusterSummaries>>[number];

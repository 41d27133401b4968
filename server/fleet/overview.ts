// Every cluster at a glance: node states, the worst current problem in words, the worst standby's
// lag or the traffic share per region, availability over 30 days against the target, readiness.
import type { Db } from "../db/client.ts";
import { apiMode, apiRole } from "./api-names.ts";
import { availabilityOf, uptimeMinutes } from "./availability.ts";
import { peerCounts } from "./peer-counts.ts";
import { PROBLEM_RANK, worstProblem } from "./problem.ts";
import { overviewNodes } from "./overview-nodes.ts";
import { loadReadiness, READINESS_CLUSTER_SELECT } from "./readiness-inputs.ts";
import { countStates, severityRank } from "./state-counts.ts";
import { lagOf, trafficOf } from "./status-figures.ts";

export async function listClusterSummaries(db: Db) {
  const [rows, nodesOf] = await Promise.all([db.cluster.findMany({
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
  }), overviewNodes(db)]);
  const clusters = rows.map((cluster) => ({ ...cluster, nodes: nodesOf.get(cluster.id) ?? [] }));
  const [uptime, peers, readinessOf] = await Promise.all([
    uptimeMinutes(db),
    peerCounts(db, clusters.flatMap((c) => c.nodes.filter((n) => n.state === "DOWN").map((n) => n.id))),
    loadReadiness(db, clusters),
  ]);
  const summaries = clusters.map((cluster) => {
    const states = countStates(cluster.nodes);
    const nodes = cluster.nodes.map((node) => ({ ...node, ...lagOf(node.lastStatus), traffic: trafficOf(node.lastStatus) }));
    const problem = worstProblem(
      cluster,
      nodes.map((n) => ({ ...n, lagBytes: n.bytes, lagSeconds: n.seconds, peers: peers.get(n.id) ?? null })),
    );
    const worstStandby = nodes
      .filter((n) => n.role === "STANDBY" && n.bytes !== null && n.state !== "DOWN")
      .sort((a, b) => (b.bytes ?? 0) - (a.bytes ?? 0))[0];
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
        ? { node: worstStandby.name, bytes: worstStandby.bytes, seconds: worstStandby.seconds, budgetBytes: Number(cluster.rpoBudgetBytes), budgetSeconds: cluster.rpoBudgetSeconds }
        : null,
      trafficByRegion: cluster.mode === "ACTIVE_ACTIVE" ? shareByRegion(nodes) : [],
      availability: availabilityOf(cluster.availabilityTarget, minutes.observed, minutes.up),
      readiness: readinessOf(cluster),
      nodes: cluster.nodes.map(({ name, state, role, region, zone, lastSeenAt }) => ({ name, state, region, zone, lastSeenAt, role: apiRole(role) })),
    };
  });
  return summaries.sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name));
}

function shareByRegion(nodes: { region: string; state: string; traffic: { requestsPerSec?: number } | null }[]) {
  const byRegion = new Map<string, number>();
  for (const node of nodes) {
    const rps = node.state === "DOWN" ? 0 : (node.traffic?.requestsPerSec ?? 0);
    byRegion.set(node.region, (byRegion.get(node.region) ?? 0) + rps);
  }
  const total = [...byRegion.values()].reduce((sum, rps) => sum + rps, 0);
  return [...byRegion.entries()]
    .map(([region, rps]) => ({ region, requestsPerSec: rps, share: total > 0 ? rps / total : 0 }))
    .sort((a, b) => b.share - a.share);
}

export type ClusterSummary = Awaited<ReturnType<typeof listClusterSummaries>>[number];

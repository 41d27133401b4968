// Every cluster with its nodes' states: the data behind the overview page.
import type { Db } from "../db/client.ts";
import { apiMode, apiRole } from "./api-names.ts";
import { countStates, severityRank } from "./state-counts.ts";

export async function listClusterSummaries(db: Db) {
  const clusters = await db.cluster.findMany({
    orderBy: { name: "asc" },
    select: {
      name: true,
      mode: true,
      system: true,
      paused: true,
      nodes: {
        orderBy: { name: "asc" },
        select: { name: true, role: true, state: true, region: true, zone: true, lastSeenAt: true },
      },
    },
  });
  const summaries = clusters.map((cluster) => {
    const states = countStates(cluster.nodes);
    return {
      name: cluster.name,
      mode: apiMode(cluster.mode),
      system: cluster.system,
      paused: cluster.paused,
      nodeCount: cluster.nodes.length,
      states,
      rank: severityRank(states),
      nodes: cluster.nodes.map((node) => ({ ...node, role: apiRole(node.role) })),
    };
  });
  return summaries.sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name));
}

export type ClusterSummary = Awaited<ReturnType<typeof listClusterSummaries>>[number];

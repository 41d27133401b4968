// The fleet's open critical conditions, for the alarm every page raises (tab title, favicon, banner):
// each cluster whose worst problem is critical, by the same rules that write its problem line, so the
// alarm and the cluster's own page never disagree.
import type { Db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { figuresOf } from "../guards/node-figures.ts";
import { overviewNodes } from "./overview-nodes.ts";
import { peerCounts } from "./peer-counts.ts";
import { worstProblem } from "./problem.ts";

export interface CriticalCondition {
  cluster: string;
  text: string;
}

/**
 * Only a cluster matching this can have a critical problem (see worstProblem's critical branches),
 * so the alarm, polled by every open page, reads the nodes of troubled clusters alone.
 */
const MAYBE_CRITICAL: Prisma.ClusterWhereInput = {
  OR: [
    { splitBrain: true },
    { nodes: { some: { OR: [{ state: { not: "HEALTHY" } }, { degraded: true }, { needsRejoin: true }] } } },
    { mode: "ACTIVE_PASSIVE", nodes: { none: { role: "PRIMARY", state: { not: "DOWN" } } } },
  ],
};

export async function openCriticalConditions(db: Db): Promise<CriticalCondition[]> {
  const clusters = await db.cluster.findMany({
    where: MAYBE_CRITICAL,
    orderBy: { name: "asc" },
    select: { id: true, name: true, mode: true, splitBrain: true, imbalanced: true },
  });
  if (clusters.length === 0) return [];
  const nodesOf = await overviewNodes(
    db,
    clusters.map((c) => c.id),
  );
  const all = [...nodesOf.values()].flat();
  const peers = await peerCounts(
    db,
    all.filter((n) => n.state === "DOWN").map((n) => n.id),
  );
  return clusters.flatMap((cluster) => {
    const nodes = (nodesOf.get(cluster.id) ?? []).map((node) => ({
      ...node,
      ...figuresOf(node, node),
      peers: peers.get(node.id) ?? null,
    }));
    const problem = worstProblem(cluster, nodes);
    return problem?.severity === "critical" ? [{ cluster: cluster.name, text: problem.text }] : [];
  });
}

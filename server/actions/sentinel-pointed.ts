// Where the write path of a Sentinel-managed cluster was last pointed, as the store remembers it:
// the target of the console's latest successful failover or switchover, or the node the console
// last followed Sentinel to, whichever came later. A leader that has just taken over starts from
// it, so a failover Sentinel made while no leader watched is still said.
import type { Db } from "../db/client.ts";

export interface Pointed {
  node: string;
  since: Date;
}

export async function lastPointed(db: Db, clusterId: string, after = new Date(0)): Promise<Pointed | null> {
  const [action, followed] = await Promise.all([
    db.action.findFirst({
      where: {
        clusterId,
        status: "SUCCEEDED",
        type: { in: ["FAILOVER", "SWITCHOVER"] },
        targetNode: { not: null },
        finishedAt: { gt: after },
      },
      orderBy: { finishedAt: "desc" },
      select: { targetNode: true, finishedAt: true },
    }),
    db.event.findFirst({
      where: { clusterId, type: "sentinel.failover", at: { gt: after }, node: { isNot: null } },
      orderBy: { at: "desc" },
      select: { at: true, node: { select: { name: true } } },
    }),
  ]);
  const byAction =
    action?.targetNode && action.finishedAt ? { node: action.targetNode, since: action.finishedAt } : null;
  const byFollow = followed?.node ? { node: followed.node.name, since: followed.at } : null;
  if (!byAction || !byFollow) return byAction ?? byFollow;
  return byAction.since > byFollow.since ? byAction : byFollow;
}

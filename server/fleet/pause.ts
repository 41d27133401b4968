// Pausing a cluster puts it in maintenance: no automatic action touches it until resumed.
import type { SessionUser } from "../auth/session.ts";
import { appendAudit } from "../audit/append.ts";
import type { Db } from "../db/client.ts";

export async function setClusterPaused(db: Db, actor: SessionUser, name: string, paused: boolean, reason: string) {
  return db.$transaction(async (tx) => {
    const cluster = await tx.cluster.findUnique({ where: { name }, select: { id: true, paused: true } });
    if (!cluster) return null;
    if (cluster.paused !== paused) await tx.cluster.update({ where: { id: cluster.id }, data: { paused } });
    await appendAudit(tx, {
      actorId: actor.id,
      actor: actor.email,
      action: paused ? "cluster.pause" : "cluster.resume",
      target: name,
      reason,
      outcome: cluster.paused === paused ? "unchanged" : "done",
    });
    return { name, paused };
  });
}

/** A node in maintenance: automatic actions leave it alone; operators may still act on it. */
export async function setNodePaused(
  db: Db,
  actor: SessionUser,
  clusterName: string,
  nodeName: string,
  paused: boolean,
  reason: string,
) {
  return db.$transaction(async (tx) => {
    const node = await tx.node.findFirst({
      where: { name: nodeName, cluster: { name: clusterName } },
      select: { id: true, paused: true },
    });
    if (!node) return null;
    if (node.paused !== paused) await tx.node.update({ where: { id: node.id }, data: { paused } });
    await appendAudit(tx, {
      actorId: actor.id,
      actor: actor.email,
      action: paused ? "node.pause" : "node.resume",
      target: `${clusterName}/${nodeName}`,
      reason,
      outcome: node.paused === paused ? "unchanged" : "done",
    });
    return { cluster: clusterName, node: nodeName, paused };
  });
}

// An operator's acknowledgement that lifts a cluster's failover cooldown early (audited).
import { appendAudit } from "../audit/append.ts";
import type { Db } from "../db/client.ts";
import type { Actor } from "./request.ts";

export async function liftCooldown(db: Db, actor: Actor, clusterName: string, reason: string) {
  return db.$transaction(async (tx) => {
    const cluster = await tx.cluster.findUnique({
      where: { name: clusterName },
      select: { id: true, lastFailoverAt: true },
    });
    if (!cluster) return null;
    const updated = await tx.cluster.update({
      where: { id: cluster.id },
      data: { cooldownLiftedAt: new Date() },
      select: { cooldownLiftedAt: true },
    });
    await appendAudit(tx, {
      actorId: actor.id,
      actor: actor.email,
      action: "cooldown.lift",
      target: clusterName,
      reason,
      outcome: "lifted",
      details: { lastFailoverAt: cluster.lastFailoverAt?.toISOString() ?? null },
    });
    return updated;
  });
}

// Silences: an operator mutes a cluster's notifications for a while (maintenance), with a reason;
// detection and events go on. Both the silence and its early end are audited.
import { appendAudit } from "../audit/append.ts";
import type { Db } from "../db/client.ts";

interface Actor {
  id: string | null;
  email: string;
}

export function activeSilences(db: Db, clusterName: string, now = new Date()) {
  return db.silence.findMany({
    where: { cluster: { name: clusterName }, startsAt: { lte: now }, endsAt: { gt: now } },
    orderBy: { endsAt: "desc" },
    select: { id: true, startsAt: true, endsAt: true, reason: true, createdBy: true },
  });
}

export async function silenceCluster(db: Db, actor: Actor, clusterName: string, minutes: number, reason: string) {
  return db.$transaction(async (tx) => {
    const cluster = await tx.cluster.findUnique({ where: { name: clusterName }, select: { id: true } });
    if (!cluster) return null;
    const silence = await tx.silence.create({
      data: { clusterId: cluster.id, endsAt: new Date(Date.now() + minutes * 60_000), reason, createdBy: actor.email },
      select: { id: true, endsAt: true },
    });
    await appendAudit(tx, {
      actorId: actor.id,
      actor: actor.email,
      action: "silence.create",
      target: clusterName,
      reason,
      outcome: `until ${silence.endsAt.toISOString()}`,
    });
    return silence;
  });
}

export async function endSilence(db: Db, actor: Actor, id: string, reason: string) {
  return db.$transaction(async (tx) => {
    const silence = await tx.silence.findUnique({
      where: { id },
      select: { endsAt: true, cluster: { select: { name: true } } },
    });
    if (!silence) return null;
    const now = new Date();
    if (silence.endsAt > now) await tx.silence.update({ where: { id }, data: { endsAt: now } });
    await appendAudit(tx, {
      actorId: actor.id,
      actor: actor.email,
      action: "silence.end",
      target: silence.cluster.name,
      reason,
      outcome: "ended",
    });
    return { id, endsAt: now };
  });
}

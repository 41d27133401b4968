// Appends one audit entry inside the caller's transaction, chained to the previous one and keyed
// by the audit key.
import type { Prisma } from "../db/generated/client.ts";
import { auditHmac, GENESIS_HASH } from "./hash.ts";
import { auditKey } from "./key.ts";

export interface AuditInput {
  actorId: string | null;
  actor: string;
  action: string;
  target: string;
  reason?: string | null;
  guards?: Prisma.InputJsonValue;
  outcome: string;
  details?: Prisma.InputJsonValue;
}

export async function appendAudit(tx: Prisma.TransactionClient, input: AuditInput) {
  const key = auditKey();
  // One writer at a time, or two entries could chain to the same predecessor.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('ha-console:audit'))`;
  const last = await tx.auditEntry.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date();
  const fields = {
    at,
    actor: input.actor,
    action: input.action,
    target: input.target,
    reason: input.reason ?? null,
    guards: input.guards ?? null,
    outcome: input.outcome,
    details: input.details ?? null,
    prevHash,
  };
  return tx.auditEntry.create({
    data: {
      ...fields,
      actorId: input.actorId,
      guards: input.guards,
      details: input.details,
      hash: auditHmac(key, fields),
      keyed: true,
    },
    select: { seq: true, hash: true },
  });
}

// Agent tokens: one per node, shown once, stored as a SHA-256 hash. A token is 32 random bytes,
// so a fast hash is enough (there is nothing to brute-force as with a password).
import { createHash, randomBytes } from "node:crypto";
import type { SessionUser } from "../auth/session.ts";
import { appendAudit } from "../audit/append.ts";
import type { Db } from "../db/client.ts";

const PREFIX = "hat_";

export function newAgentToken(): string {
  return PREFIX + randomBytes(32).toString("base64url");
}

export function hashAgentToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function listAgentTokens(db: Db) {
  return db.node.findMany({
    orderBy: [{ cluster: { name: "asc" } }, { name: "asc" }],
    select: { name: true, agentUrl: true, agentTokenCreatedAt: true, lastSeenAt: true, cluster: { select: { name: true } } },
  });
}

/** Sets a new token for the node (the old one stops working at once) and returns it, once. */
export async function rotateAgentToken(db: Db, actor: SessionUser, clusterName: string, nodeName: string) {
  const node = await db.node.findFirst({
    where: { name: nodeName, cluster: { name: clusterName } },
    select: { id: true, agentTokenHash: true },
  });
  if (!node) return null;
  const token = newAgentToken();
  await db.$transaction(async (tx) => {
    await tx.node.update({
      where: { id: node.id },
      data: { agentTokenHash: hashAgentToken(token), agentTokenCreatedAt: new Date() },
    });
    await appendAudit(tx, {
      actorId: actor.id,
      actor: actor.email,
      action: node.agentTokenHash ? "agent-token.rotate" : "agent-token.create",
      target: `${clusterName}/${nodeName}`,
      outcome: "done",
    });
  });
  return { token };
}

/** The node a bearer token belongs to, or null. */
export async function nodeForAgentToken(db: Db, authorization: string | null) {
  const token = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token?.startsWith(PREFIX)) return null;
  return db.node.findFirst({
    where: { agentTokenHash: hashAgentToken(token) },
    select: { id: true, name: true, cluster: { select: { name: true } } },
  });
}

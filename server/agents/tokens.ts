// Agent tokens: one per node, shown once, stored as a SHA-256 hash. The console must present the
// token when it polls the agent, yet keeps no copy: a token is an HMAC of the node's id and the
// token's creation time under the console's secret, so the console can derive it again and a
// copy of the database alone does not reveal it. 256 bits of HMAC output need no slow hash.
import "server-only";
import { createHash, createHmac } from "node:crypto";
import type { SessionUser } from "../auth/session.ts";
import { appendAudit } from "../audit/append.ts";
import type { Db } from "../db/client.ts";
import { env } from "../env.ts";

const PREFIX = "hat_";

/** The token of a node whose token was made at `createdAt`, under the console's `secret`. */
export function agentTokenFor(secret: string, nodeId: string, createdAt: Date): string {
  return (
    PREFIX + createHmac("sha256", secret).update(`agent-token:${nodeId}:${createdAt.toISOString()}`).digest("base64url")
  );
}

export function hashAgentToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function listAgentTokens(db: Db) {
  return db.node.findMany({
    orderBy: [{ cluster: { name: "asc" } }, { name: "asc" }],
    select: {
      name: true,
      agentUrl: true,
      agentTokenCreatedAt: true,
      lastSeenAt: true,
      cluster: { select: { name: true } },
    },
  });
}

/** Sets a new token for the node (the old one stops working at once) and returns it, once. */
export async function rotateAgentToken(
  db: Db,
  actor: SessionUser,
  clusterName: string,
  nodeName: string,
  secret = env().BETTER_AUTH_SECRET,
) {
  const node = await db.node.findFirst({
    where: { name: nodeName, cluster: { name: clusterName } },
    select: { id: true, agentTokenHash: true },
  });
  if (!node) return null;
  const createdAt = new Date();
  const token = agentTokenFor(secret, node.id, createdAt);
  await db.$transaction(async (tx) => {
    await tx.node.update({
      where: { id: node.id },
      data: { agentTokenHash: hashAgentToken(token), agentTokenCreatedAt: createdAt },
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
    select: { id: true, name: true, state: true, role: true, cluster: { select: { name: true } } },
  });
}

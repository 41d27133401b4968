// API tokens for the automation API: made by admins for a user, acting with that user's current
// role; shown once, stored as a SHA-256 hash (32 random bytes need no slow hash), revocable.
import { createHash, randomBytes } from "node:crypto";
import { appendAudit } from "../audit/append.ts";
import type { SessionUser } from "../auth/session.ts";
import type { Db } from "../db/client.ts";

const PREFIX = "hao_";
const LAST_USED_PRECISION_MS = 60_000;

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

export function listApiTokens(db: Db) {
  return db.apiToken.findMany({
    orderBy: { createdAt: "desc" },
    take: 500,
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, revokedAt: true, user: { select: { email: true, role: true } } },
  });
}

export async function createApiToken(db: Db, actor: SessionUser, input: { name: string; userEmail?: string }) {
  const user = input.userEmail
    ? await db.user.findUnique({ where: { email: input.userEmail }, select: { id: true, email: true } })
    : { id: actor.id, email: actor.email };
  if (!user) return null;
  const token = PREFIX + randomBytes(32).toString("base64url");
  const created = await db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({ data: { name: input.name, tokenHash: hash(token), userId: user.id }, select: { id: true } });
    await appendAudit(tx, { actorId: actor.id, actor: actor.email, action: "api-token.create", target: `${input.name} for ${user.email}`, outcome: "done" });
    return row;
  });
  return { id: created.id, token };
}

export async function revokeApiToken(db: Db, actor: SessionUser, id: string) {
  const token = await db.apiToken.findUnique({ where: { id }, select: { name: true, revokedAt: true, user: { select: { email: true } } } });
  if (!token) return null;
  if (token.revokedAt) return { revokedAt: token.revokedAt };
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() }, select: { revokedAt: true } });
    await appendAudit(tx, { actorId: actor.id, actor: actor.email, action: "api-token.revoke", target: `${token.name} for ${token.user.email}`, outcome: "done" });
    return row;
  });
}

/** The user an `Authorization: Bearer hao_…` header acts for, or null. */
export async function userForApiToken(db: Db, authorization: string | null): Promise<SessionUser | null> {
  const token = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token?.startsWith(PREFIX)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hash(token) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, email: true, name: true, role: true } } },
  });
  if (!row || row.revokedAt) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return row.user;
}

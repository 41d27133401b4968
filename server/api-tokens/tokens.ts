// API tokens for the automation API: made by admins for a user, with a role (viewer unless the maker
// picks more), acting with the lower of that role and the user's current one; shown once, stored as
// a SHA-256 hash (32 random bytes need no slow hash), revocable.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { appendAudit } from "../audit/append.ts";
import { hasRole, type Role } from "../../lib/roles.ts";
import type { SessionUser } from "../auth/session.ts";
import type { Db } from "../db/client.ts";

const PREFIX = "hao_";
const LAST_USED_PRECISION_MS = 60_000;

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

/** What a token may do now: its own role, or less when its user has less. */
const actingRole = (token: Role, user: Role): Role => (hasRole(user, token) ? token : user);

export async function listApiTokens(db: Db) {
  const rows = await db.apiToken.findMany({
    orderBy: { createdAt: "desc" },
    take: 500,
    select: {
      id: true,
      name: true,
      role: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      user: { select: { email: true, role: true } },
    },
  });
  return rows.map((row) => ({ ...row, actingRole: actingRole(row.role, row.user.role) }));
}

/** A token may not be made with more than its user's role (FORBIDDEN would hide why: BAD_REQUEST). */
export class TokenRoleError extends Error {}

export async function createApiToken(
  db: Db,
  actor: SessionUser,
  input: { name: string; userEmail?: string; role?: Role },
) {
  const user = input.userEmail
    ? await db.user.findUnique({ where: { email: input.userEmail }, select: { id: true, email: true, role: true } })
    : actor;
  if (!user) return null;
  const role = input.role ?? "viewer";
  if (!hasRole(user.role, role)) {
    throw new TokenRoleError(`role: ${user.email} is ${user.role}; a token cannot have more than its user (${role}).`);
  }
  const token = PREFIX + randomBytes(32).toString("base64url");
  const created = await db.$transaction(async (tx) => {
    const data = { name: input.name, role, tokenHash: hash(token), userId: user.id };
    const row = await tx.apiToken.create({ data, select: { id: true } });
    const target = `${input.name} for ${user.email}`;
    await appendAudit(tx, {
      actorId: actor.id,
      actor: actor.email,
      action: "api-token.create",
      target,
      outcome: "done",
      details: { role },
    });
    return row;
  });
  return { id: created.id, token, role };
}

export async function revokeApiToken(db: Db, actor: SessionUser, id: string) {
  const token = await db.apiToken.findUnique({
    where: { id },
    select: { name: true, revokedAt: true, user: { select: { email: true } } },
  });
  if (!token) return null;
  if (token.revokedAt) return { revokedAt: token.revokedAt };
  return db.$transaction(async (tx) => {
    const row = await tx.apiToken.update({
      where: { id },
      data: { revokedAt: new Date() },
      select: { revokedAt: true },
    });
    await appendAudit(tx, {
      actorId: actor.id,
      actor: actor.email,
      action: "api-token.revoke",
      target: `${token.name} for ${token.user.email}`,
      outcome: "done",
    });
    return row;
  });
}

/** The user an `Authorization: Bearer hao_…` header acts for, or null. */
export async function userForApiToken(db: Db, authorization: string | null): Promise<SessionUser | null> {
  const token = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token?.startsWith(PREFIX)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hash(token) },
    select: {
      id: true,
      role: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, name: true, role: true } },
    },
  });
  if (!row || row.revokedAt) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { ...row.user, role: actingRole(row.role, row.user.role) };
}

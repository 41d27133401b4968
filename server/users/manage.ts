// Admin's user management. Every change is audited; the console never loses its last admin.
import type { SessionUser } from "../auth/session.ts";
import type { Role } from "../auth/roles.ts";
import { createUser, setPassword, type NewUser } from "../auth/users.ts";
import { appendAudit } from "../audit/append.ts";
import type { Db } from "../db/client.ts";

export class UserRuleError extends Error {}

const userFields = { id: true, email: true, name: true, role: true, createdAt: true } as const;

export function listUsers(db: Db) {
  return db.user.findMany({ orderBy: { email: "asc" }, select: userFields, take: 500 });
}

async function audit(db: Db, actor: SessionUser, action: string, target: string, details: Record<string, string>) {
  await db.$transaction((tx) => appendAudit(tx, { actorId: actor.id, actor: actor.email, action, target, outcome: "done", details }));
}

export async function addUser(db: Db, actor: SessionUser, input: NewUser) {
  const user = await createUser(db, input);
  await audit(db, actor, "user.create", user.email, { role: user.role });
  return user;
}

async function otherAdmins(db: Db, userId: string) {
  return db.user.count({ where: { role: "admin", id: { not: userId } } });
}

export async function setRole(db: Db, actor: SessionUser, userId: string, role: Role) {
  const user = await db.user.findUnique({ where: { id: userId }, select: userFields });
  if (!user) return null;
  if (user.role === "admin" && role !== "admin" && (await otherAdmins(db, userId)) === 0) {
    throw new UserRuleError("This is the last admin; make someone else admin first.");
  }
  const updated = await db.user.update({ where: { id: userId }, data: { role }, select: userFields });
  await audit(db, actor, "user.set-role", user.email, { from: user.role, to: role });
  return updated;
}

export async function removeUser(db: Db, actor: SessionUser, userId: string) {
  if (userId === actor.id) throw new UserRuleError("You cannot remove yourself; ask another admin.");
  const user = await db.user.findUnique({ where: { id: userId }, select: userFields });
  if (!user) return null;
  await db.user.delete({ where: { id: userId } });
  await audit(db, actor, "user.remove", user.email, { role: user.role });
  return user;
}

export async function resetPassword(db: Db, actor: SessionUser, userId: string, password: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: userFields });
  if (!user) return null;
  await setPassword(userId, password);
  await audit(db, actor, "user.reset-password", user.email, {});
  return user;
}

// Admin's user management. Every change is audited in the transaction that makes it; role changes
// and removals hold the admin rows' locks, so the console never loses its last admin.
import type { Role } from "../../lib/roles.ts";
import { createUser, setPassword, type NewUser } from "../auth/users.ts";
import { appendAudit } from "../audit/append.ts";
import type { Db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { lockAdminsAnd } from "./admin-lock.ts";

/** A change the rules refuse (CONFLICT). */
export class UserRuleError extends Error {}
/** The caller stopped being an admin while the change waited for its locks (FORBIDDEN). */
export class NoLongerAdminError extends Error {}

/** Who makes a change: a signed-in admin, or the server's `npm run admin` (id null). */
export interface Actor {
  id: string | null;
  email: string;
}

const userFields = { id: true, email: true, name: true, role: true, createdAt: true } as const;

export function listUsers(db: Db) {
  return db.user.findMany({ orderBy: { email: "asc" }, select: userFields, take: 500 });
}

type Tx = Prisma.TransactionClient;

function audit(tx: Tx, actor: Actor, action: string, target: string, details: Record<string, string>) {
  return appendAudit(tx, { actorId: actor.id, actor: actor.email, action, target, outcome: "done", details });
}

export async function addUser(db: Db, actor: Actor, input: NewUser) {
  const user = await createUser(db, input);
  await db.$transaction((tx) => audit(tx, actor, "user.create", user.email, { role: user.role }));
  return user;
}

/** Runs `change` holding the admin rows' locks, after checking the caller is still an admin. */
function underAdminLock<T>(
  db: Db,
  actor: Actor,
  userId: string,
  change: (tx: Tx, adminsBesides: number) => Promise<T>,
) {
  return db.$transaction(async (tx) => {
    const locked = await lockAdminsAnd(tx, actor.id ? [userId, actor.id] : [userId]);
    if (actor.id && locked.roleOf(actor.id) !== "admin") {
      throw new NoLongerAdminError("You are no longer an admin; nothing was changed.");
    }
    return change(tx, locked.adminsBesides(userId));
  });
}

export async function setRole(db: Db, actor: Actor, userId: string, role: Role) {
  return underAdminLock(db, actor, userId, async (tx, adminsBesides) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: userFields });
    if (!user) return null;
    if (user.role === "admin" && role !== "admin" && adminsBesides === 0) {
      throw new UserRuleError(`${user.email} is the last admin; make someone else admin first.`);
    }
    const updated = await tx.user.update({ where: { id: userId }, data: { role }, select: userFields });
    await audit(tx, actor, "user.set-role", user.email, { from: user.role, to: role });
    return updated;
  });
}

export async function removeUser(db: Db, actor: Actor, userId: string) {
  if (userId === actor.id) throw new UserRuleError("You cannot remove yourself; ask another admin.");
  return underAdminLock(db, actor, userId, async (tx, adminsBesides) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: userFields });
    if (!user) return null;
    if (user.role === "admin" && adminsBesides === 0) {
      throw new UserRuleError(`${user.email} is the last admin and cannot be removed; make someone else admin first.`);
    }
    await tx.user.delete({ where: { id: userId } });
    await audit(tx, actor, "user.remove", user.email, { role: user.role });
    return user;
  });
}

export async function resetPassword(db: Db, actor: Actor, userId: string, password: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: userFields });
  if (!user) return null;
  await setPassword(userId, password);
  await db.$transaction((tx) => audit(tx, actor, "user.reset-password", user.email, {}));
  return user;
}

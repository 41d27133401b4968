// Role changes and removals lock the admin rows first. Two of them at once then run one after the
// other, and the second re-reads who is still an admin after the first commits, so two admins
// demoting each other leave one admin, not none.
import type { Role } from "../../lib/roles.ts";
import type { Prisma } from "../db/generated/client.ts";

export interface LockedUsers {
  /** The locked rows: every admin, plus the ids asked for. */
  roleOf(id: string): Role | undefined;
  /** Admins other than `id`. */
  adminsBesides(id: string): number;
}

export async function lockAdminsAnd(tx: Prisma.TransactionClient, ids: string[]): Promise<LockedUsers> {
  // In id order, so every caller takes the locks in the same order and none deadlock.
  const rows = await tx.$queryRaw<{ id: string; role: Role }[]>`
    SELECT id, role::text AS role FROM "user"
    WHERE role = 'admin' OR id = ANY(${ids}::text[])
    ORDER BY id FOR UPDATE`;
  const roles = new Map(rows.map((row) => [row.id, row.role]));
  return {
    roleOf: (id) => roles.get(id),
    adminsBesides: (id) => rows.filter((row) => row.role === "admin" && row.id !== id).length,
  };
}

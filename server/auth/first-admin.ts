// The first admin: made once, by the setup page or from CONSOLE_ADMIN_EMAIL/PASSWORD at start.
import type { Db } from "../db/client.ts";
import { createUser, type NewUser } from "./users.ts";

export async function hasUsers(db: Db): Promise<boolean> {
  return (await db.user.count()) > 0;
}

/** Creates the admin only while there is no user at all; returns null when someone was first. */
export function createFirstAdmin(db: Db, input: Omit<NewUser, "role">) {
  return db.$transaction(
    async (tx) => {
      // Held until this transaction ends, so a second caller waits and then sees the first user.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('ha-console:first-admin'))`;
      if ((await tx.user.count()) > 0) return null;
      return createUser(db, { ...input, role: "admin" });
    },
    { timeout: 20_000, maxWait: 20_000 },
  );
}

// CONSOLE_ADMIN_EMAIL/PASSWORD: the admin exists after start. An existing user with that email is
// left as it is (its password and role may have been changed on purpose since).
import type { Db } from "../db/client.ts";
import { createUser } from "./users.ts";

export async function ensureAdmin(db: Db, admin: { email: string; password: string }): Promise<string> {
  if (await db.user.findUnique({ where: { email: admin.email }, select: { id: true } })) {
    return `Admin ${admin.email} already exists; left unchanged.`;
  }
  await createUser(db, {
    email: admin.email,
    password: admin.password,
    name: admin.email.split("@")[0] ?? "admin",
    role: "admin",
  });
  return `Created admin ${admin.email} from CONSOLE_ADMIN_EMAIL.`;
}

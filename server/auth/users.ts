// Creating users and setting passwords goes through better-auth's own adapter and hasher.
import type { Db } from "../db/client.ts";
import { auth } from "./auth.ts";
import type { Role } from "../../lib/roles.ts";

export interface NewUser {
  name: string;
  email: string;
  password: string;
  role: Role;
}

export async function createUser(db: Db, input: NewUser) {
  const email = input.email.toLowerCase();
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new UserExistsError(email);
  }
  const ctx = await auth().$context;
  const hash = await ctx.password.hash(input.password);
  const user = await ctx.internalAdapter.createUser(
    { email, name: input.name, role: input.role },
    { method: "email-password" },
  );
  await ctx.internalAdapter.linkAccount({
    userId: user.id,
    providerId: "credential",
    accountId: user.id,
    password: hash,
  });
  return db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { id: true, email: true, name: true, role: true },
  });
}

export class UserExistsError extends Error {
  constructor(email: string) {
    super(`A user with the email ${email} already exists.`);
  }
}

export async function setPassword(userId: string, password: string) {
  const ctx = await auth().$context;
  await ctx.internalAdapter.updatePassword(userId, await ctx.password.hash(password));
  await ctx.internalAdapter.deleteUserSessions(userId);
}

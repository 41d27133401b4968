// Users and sessions for integration tests, made through the real auth library.
import type { SessionUser } from "../auth/session.ts";
import type { Role } from "../../lib/roles.ts";
import { auth } from "../auth/auth.ts";
import { createUser } from "../auth/users.ts";
import { db } from "../db/client.ts";
import { uniqueName } from "./databases.ts";

export const TEST_PASSWORD = "integration-password-1";

export async function makeUser(role: Role): Promise<SessionUser> {
  const email = `${uniqueName(role)}@example.com`;
  return createUser(db(), { email, name: role, password: TEST_PASSWORD, role });
}

/** Signs in through better-auth and returns the Cookie header a browser would send. */
export async function sessionCookie(email: string): Promise<string> {
  const response = await auth().api.signInEmail({ body: { email, password: TEST_PASSWORD }, asResponse: true });
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  return cookies.join("; ");
}

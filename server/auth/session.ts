// Who is calling: the signed-in user behind a request's session cookie, or nobody.
import "server-only";
import { db } from "../db/client.ts";
import { auth } from "./auth.ts";
import type { Role } from "../../lib/roles.ts";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export async function sessionUser(headers: Headers): Promise<SessionUser | null> {
  const session = await auth().api.getSession({ headers });
  if (!session) return null;
  // The role is read fresh, so a demotion takes effect on the next request, not the next sign-in.
  const user = await db().user.findUnique({
    where: { id: session.user.id },
    select: { id: true, email: true, name: true, role: true },
  });
  return user;
}

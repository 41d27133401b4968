// Where a page request goes before it is served: setup while there is no user, sign-in without a
// session, the page otherwise.
import { db } from "../db/client.ts";
import { hasUsers } from "./first-admin.ts";
import { sessionUser, type SessionUser } from "./session.ts";

export type Gate = { kind: "setup" } | { kind: "sign-in" } | { kind: "signed-in"; user: SessionUser };

export async function pageGate(headers: Headers): Promise<Gate> {
  const user = await sessionUser(headers);
  if (user) return { kind: "signed-in", user };
  return (await hasUsers(db())) ? { kind: "sign-in" } : { kind: "setup" };
}

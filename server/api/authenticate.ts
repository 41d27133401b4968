// Who calls the REST API: an API token (Authorization: Bearer hao_…) or a signed-in session.
// Answers 401/403 in the API's JSON shape when the caller may not.
import { hasRole, type Role } from "../auth/roles.ts";
import { sessionUser, type SessionUser } from "../auth/session.ts";
import { userForApiToken } from "../api-tokens/tokens.ts";
import { db } from "../db/client.ts";

export function apiError(status: number, error: string, message: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ error, message, ...extra }, { status, headers: status === 401 ? { "www-authenticate": "Bearer" } : {} });
}

export async function apiCaller(request: Request, needed: Role): Promise<SessionUser | Response> {
  const authorization = request.headers.get("authorization");
  const user = authorization ? await userForApiToken(db(), authorization) : await sessionUser(request.headers);
  if (!user) return apiError(401, "unauthorized", "Sign in, or send Authorization: Bearer <API token>.");
  if (!hasRole(user.role, needed)) return apiError(403, "forbidden", `This needs the ${needed} role; the caller is ${user.role}.`);
  return user;
}

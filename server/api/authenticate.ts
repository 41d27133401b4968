// Who calls the REST API: an API token (Authorization: Bearer hao_…) or a signed-in session.
// Answers 401/403 in the API's JSON shape when the caller may not, and 413 for a body said to be
// over the limit. A session's writes must come as JSON from the console's own pages (CSRF).
import { hasRole, type Role } from "../../lib/roles.ts";
import { sessionUser, type SessionUser } from "../auth/session.ts";
import { userForApiToken } from "../api-tokens/tokens.ts";
import { db } from "../db/client.ts";
import { env } from "../env.ts";
import { declaresMoreThan, MAX_BODY_BYTES, tooLargeMessage } from "../security/body-limit.ts";
import { crossSiteRefusal } from "../security/same-origin.ts";

export function apiError(
  status: number,
  error: string,
  message: string,
  extra: Record<string, unknown> = {},
): Response {
  return Response.json(
    { error, message, ...extra },
    { status, headers: status === 401 ? { "www-authenticate": "Bearer" } : {} },
  );
}

export async function apiCaller(request: Request, needed: Role): Promise<SessionUser | Response> {
  if (declaresMoreThan(request, MAX_BODY_BYTES)) return apiError(413, "too_large", tooLargeMessage(MAX_BODY_BYTES));
  const authorization = request.headers.get("authorization");
  // A page cannot set Authorization on another origin's request: a token's calls need no check.
  const refusal = authorization ? null : crossSiteRefusal(request, env().CONSOLE_PUBLIC_URL);
  if (refusal) return apiError(403, "cross_site", refusal);
  const user = authorization ? await userForApiToken(db(), authorization) : await sessionUser(request.headers);
  if (!user) return apiError(401, "unauthorized", "Sign in, or send Authorization: Bearer <API token>.");
  if (!hasRole(user.role, needed)) {
    return apiError(403, "forbidden", `This needs the ${needed} role; the caller is ${user.role}.`);
  }
  return user;
}

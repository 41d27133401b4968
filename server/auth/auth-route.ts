// Handles /api/auth/*: better-auth, with our sign-in limits in front of email sign-in.
import { appendAudit } from "../audit/append.ts";
import { db } from "../db/client.ts";
import { env } from "../env.ts";
import { clientAddress } from "../security/client-address.ts";
import { auth } from "./auth.ts";
import { recordFailedSignIn, signInBlockedFor, tooManyAttemptsMessage } from "./sign-in-limits.ts";

const SIGN_IN_PATH = "/api/auth/sign-in/email";

async function emailOf(request: Request): Promise<string> {
  try {
    const body = (await request.clone().json()) as { email?: unknown };
    return typeof body.email === "string" ? body.email : "";
  } catch {
    return "";
  }
}

export async function handleAuthRequest(request: Request): Promise<Response> {
  if (request.method !== "POST" || new URL(request.url).pathname !== SIGN_IN_PATH) {
    return auth().handler(request);
  }
  const email = await emailOf(request);
  const address = clientAddress(request.headers, env().CONSOLE_TRUSTED_PROXY_HOPS);
  const blockedFor = await signInBlockedFor(db(), email, address);
  if (blockedFor > 0) {
    await auditSignIn(email, "refused: too many attempts");
    return Response.json(
      { code: "TOO_MANY_ATTEMPTS", message: tooManyAttemptsMessage(blockedFor) },
      { status: 429, headers: { "retry-after": String(Math.ceil(blockedFor / 1000)) } },
    );
  }
  const response = await auth().handler(request);
  if (response.status === 401) await recordFailedSignIn(db(), email, address);
  await auditSignIn(email, response.ok ? "signed in" : "refused: wrong email or password");
  return response;
}

/** Every sign-in attempt goes into the audit log, under the address the person typed. */
function auditSignIn(email: string, outcome: string) {
  return db().$transaction((tx) => appendAudit(tx, { actorId: null, actor: email.slice(0, 200) || "(no email)", action: "auth.sign-in", target: "console", outcome }));
}

// Handles /api/auth/*: better-auth, with our sign-in limits in front of email sign-in. An attempt
// is counted before better-auth judges its password. Every judged attempt is audited; refusals
// over a limit are audited once per burst (the first of the window) and only counted after that,
// so a flood of guesses cannot flood the audit log.
import { appendAudit } from "../audit/append.ts";
import { db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { env } from "../env.ts";
import { clientAddress } from "../security/client-address.ts";
import { auth } from "./auth.ts";
import { countSignInAttempt, tooManyAttemptsMessage } from "./sign-in-limits.ts";

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
  const attempt = await countSignInAttempt(db(), email, address);
  if (attempt.retryAfterMs > 0) {
    if (attempt.burstsStarted.length) {
      // Later refusals in this window are counted in rate_limit_bucket, not logged one by one.
      await auditSignIn(email, "refused: too many attempts", {
        over: attempt.burstsStarted,
        address,
        until: attempt.refusedUntil?.toISOString() ?? null,
      });
    }
    return Response.json(
      { code: "TOO_MANY_ATTEMPTS", message: tooManyAttemptsMessage(attempt.retryAfterMs) },
      { status: 429, headers: { "retry-after": String(Math.ceil(attempt.retryAfterMs / 1000)) } },
    );
  }
  const response = await auth().handler(request);
  if (response.ok) await attempt.giveBack();
  await auditSignIn(email, response.ok ? "signed in" : "refused: wrong email or password");
  return response;
}

/** Sign-in attempts are audited under the address the person typed. */
function auditSignIn(email: string, outcome: string, details?: Prisma.InputJsonValue) {
  const actor = email.slice(0, 200) || "(no email)";
  return db().$transaction((tx) =>
    appendAudit(tx, { actorId: null, actor, action: "auth.sign-in", target: "console", outcome, details }),
  );
}

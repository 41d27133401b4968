// better-auth: email + password, scrypt hashes, database sessions. Sign-up is closed: the first
// admin comes from the setup page or CONSOLE_ADMIN_*; later users are created by admins.
import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { db } from "../db/client.ts";
import { env } from "../env.ts";
import { auditSelfService } from "./self-service-audit.ts";

export const PASSWORD_MIN_LENGTH = 12;

/** The origin the browser used to reach us: requests from this origin are same-site, not CSRF. */
function ownOrigin(request: Request | undefined): string | undefined {
  const host = request?.headers.get("x-forwarded-host") ?? request?.headers.get("host");
  if (!host) return undefined;
  const proto = request?.headers.get("x-forwarded-proto") ?? new URL(request!.url).protocol.replace(":", "");
  return `${proto}://${host}`;
}

function build() {
  const { BETTER_AUTH_SECRET, CONSOLE_PUBLIC_URL } = env();
  return betterAuth({
    secret: BETTER_AUTH_SECRET,
    baseURL: CONSOLE_PUBLIC_URL,
    database: prismaAdapter(db(), { provider: "postgresql" }),
    trustedOrigins: (request) => [CONSOLE_PUBLIC_URL, ownOrigin(request)],
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: 256,
    },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "viewer", input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 12, updateAge: 60 * 30 },
    hooks: { after: auditSelfService },
    // Abuse limits are ours (server/security), shared by every instance through the database.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    advanced: {
      useSecureCookies: CONSOLE_PUBLIC_URL?.startsWith("https://") ?? false,
      cookiePrefix: "ha-console",
    },
  });
}

type Auth = ReturnType<typeof build>;
const holder = globalThis as unknown as { haConsoleAuth?: Auth };

/** Built on first use: `next build` imports this module without a database or secret. */
export function auth(): Auth {
  holder.haConsoleAuth ??= build();
  return holder.haConsoleAuth;
}

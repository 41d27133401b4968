// The one place that reads process.env for the server; validated so a bad value fails loudly at start.
import "server-only";
import { z } from "zod";
import { networkListSchema } from "./alerts/egress/networks.ts";

const schema = z.object({
  DATABASE_URL: z
    .string()
    .url("DATABASE_URL must be a postgresql:// URL")
    .refine((url) => /^postgres(ql)?:\/\//.test(url), "DATABASE_URL must be a postgresql:// URL"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Signs session cookies; npm start provides one kept in the database when it is unset. */
  BETTER_AUTH_SECRET: z.string().min(32, "BETTER_AUTH_SECRET must be at least 32 characters"),
  /** The URL people reach the console at; https:// makes session cookies Secure. */
  CONSOLE_PUBLIC_URL: z.string().url("CONSOLE_PUBLIC_URL must be a URL").optional(),
  /** Proxies in front of the console that append to X-Forwarded-For (for client addresses). */
  CONSOLE_TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Networks webhooks may reach beyond the defaults, and networks they may not (server/alerts/egress/policy.ts). */
  CONSOLE_WEBHOOK_ALLOWED_NETWORKS: networkListSchema,
  CONSOLE_WEBHOOK_DENIED_NETWORKS: networkListSchema,
  /** Keys the audit chain; npm start provides one kept in its data folder when it is unset. */
  CONSOLE_AUDIT_KEY: z.string().min(32, "CONSOLE_AUDIT_KEY must be at least 32 characters").optional(),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** Read lazily: `next build` loads server modules without a database. */
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join("\n  ")}`);
  }
  cached = parsed.data;
  return cached;
}

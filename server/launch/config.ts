// What `npm start` reads from the environment, validated before anything starts.
import { hostname } from "node:os";
import path from "node:path";
import { z } from "zod";
import { type LogFormat, logFormatSchema } from "../../lib/log.ts";
import { networkListSchema, type WebhookNetworks } from "../alerts/egress/networks.ts";
import { DEFAULT_LEASE_MS } from "../control/lease-timings.ts";
import type { Retention } from "../ingest/rollup.ts";

const flag = z.enum(["0", "1", "true", "false"]).transform((value) => value === "1" || value === "true");

const schema = z
  .object({
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/.+/, "DATABASE_URL must be a postgresql:// URL")
      .optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    CONSOLE_DATA_DIR: z.string().min(1).default(".data"),
    CONSOLE_DEMO_FLEET: flag.optional(),
    CONSOLE_ADMIN_EMAIL: z
      .string()
      .trim()
      .toLowerCase()
      .email("CONSOLE_ADMIN_EMAIL must be an email address")
      .optional(),
    CONSOLE_ADMIN_PASSWORD: z
      .string()
      .min(12, "CONSOLE_ADMIN_PASSWORD must have at least 12 characters")
      .max(256)
      .optional(),
    BETTER_AUTH_SECRET: z.string().min(32, "BETTER_AUTH_SECRET must be at least 32 characters").optional(),
    CONSOLE_AUDIT_KEY: z.string().min(32, "CONSOLE_AUDIT_KEY must be at least 32 characters").optional(),
    CONSOLE_DEMO_AGENTS: flag.optional(),
    CONSOLE_DEMO_AGENT_PORT: z.coerce.number().int().min(1024).max(65000).default(7101),
    CONSOLE_INSTANCE_ID: z.string().min(1).max(100).optional(),
    CONSOLE_PUBLIC_URL: z.string().url("CONSOLE_PUBLIC_URL must be a URL").optional(),
    CONSOLE_SAMPLE_RETENTION_HOURS: z.coerce
      .number()
      .positive()
      .max(24 * 366)
      .default(48),
    CONSOLE_ROLLUP_RETENTION_DAYS: z.coerce.number().positive().max(3660).default(90),
    // At least a week: webhook retries and reminders read the events they are about.
    CONSOLE_EVENT_RETENTION_DAYS: z.coerce.number().min(7).max(3660).default(365),
    CONSOLE_SAMPLE_BUFFER: z.coerce.number().int().min(1000).max(10_000_000).default(500_000),
    // Under a second, a busy host's pauses cost handovers; over a minute, a dead leader costs minutes.
    CONSOLE_LEADER_LEASE_MS: z.coerce.number().int().min(1_000).max(60_000).default(DEFAULT_LEASE_MS),
    CONSOLE_WEBHOOK_ALLOWED_NETWORKS: networkListSchema,
    CONSOLE_WEBHOOK_DENIED_NETWORKS: networkListSchema,
    CONSOLE_LOG_FORMAT: z.enum(logFormatSchema.options, "CONSOLE_LOG_FORMAT must be text or json").default("text"),
  })
  .refine((env) => (env.CONSOLE_ADMIN_EMAIL === undefined) === (env.CONSOLE_ADMIN_PASSWORD === undefined), {
    message: "set both CONSOLE_ADMIN_EMAIL and CONSOLE_ADMIN_PASSWORD, or neither",
    path: ["CONSOLE_ADMIN_PASSWORD"],
  });

export interface LaunchConfig {
  /** Unset: start the embedded PostgreSQL in dataDir. */
  databaseUrl: string | undefined;
  port: number;
  host: string;
  dataDir: string;
  seedDemoFleet: boolean;
  /** Created at start when no user has this email (automation, tests). */
  admin: { email: string; password: string } | undefined;
  /** Unset: a secret kept in the database. */
  authSecret: string | undefined;
  /** Keys the audit chain. Unset: a key kept in dataDir/audit-key, never in the database. */
  auditKey: string | undefined;
  /** Run simulated agents for the demo fleet's nodes (their config in dataDir/demo-agents.yaml). */
  demoAgents: boolean;
  /** First port of the demo fleet's agents, used when the fleet is seeded. */
  demoAgentPort: number;
  instanceId: string;
  /** The URL people use. Unset: links in webhooks point at `localUrl`, and the start warns. */
  publicUrl: string | undefined;
  /** The address this console answers at on its own machine. */
  localUrl: string;
  /** Where links in webhooks point: `publicUrl`, else `localUrl`; never a bare path. */
  linkBase: string;
  retention: Retention;
  sampleBuffer: number;
  /** A leader that stops renewing its lease loses leadership this long after its last renewal. */
  leaderLeaseMs: number;
  /** Networks webhooks may reach beyond the egress policy's defaults, and networks they may not. */
  webhookNetworks: WebhookNetworks;
  /** How the launcher and the control loop write their log: text for people, json for log shippers. */
  logFormat: LogFormat;
}

export function readLaunchConfig(env: Record<string, string | undefined>): LaunchConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  const {
    DATABASE_URL,
    PORT,
    HOST,
    CONSOLE_DATA_DIR,
    CONSOLE_DEMO_FLEET,
    CONSOLE_ADMIN_EMAIL,
    CONSOLE_ADMIN_PASSWORD,
  } = parsed.data;
  const seedDemoFleet = CONSOLE_DEMO_FLEET ?? DATABASE_URL === undefined;
  const localUrl = `http://${HOST === "0.0.0.0" ? "localhost" : HOST}:${PORT}`;
  return {
    databaseUrl: DATABASE_URL,
    port: PORT,
    host: HOST,
    dataDir: path.resolve(CONSOLE_DATA_DIR),
    // A database of one's own gets the demo fleet only when asked for it.
    seedDemoFleet,
    admin:
      CONSOLE_ADMIN_EMAIL && CONSOLE_ADMIN_PASSWORD
        ? { email: CONSOLE_ADMIN_EMAIL, password: CONSOLE_ADMIN_PASSWORD }
        : undefined,
    authSecret: parsed.data.BETTER_AUTH_SECRET,
    auditKey: parsed.data.CONSOLE_AUDIT_KEY,
    demoAgents: parsed.data.CONSOLE_DEMO_AGENTS ?? seedDemoFleet,
    demoAgentPort: parsed.data.CONSOLE_DEMO_AGENT_PORT,
    instanceId: parsed.data.CONSOLE_INSTANCE_ID ?? `${hostname()}:${process.pid}`,
    publicUrl: parsed.data.CONSOLE_PUBLIC_URL,
    localUrl,
    linkBase: parsed.data.CONSOLE_PUBLIC_URL ?? localUrl,
    retention: {
      sampleMs: parsed.data.CONSOLE_SAMPLE_RETENTION_HOURS * 3_600_000,
      rollupMs: parsed.data.CONSOLE_ROLLUP_RETENTION_DAYS * 24 * 3_600_000,
      eventMs: parsed.data.CONSOLE_EVENT_RETENTION_DAYS * 24 * 3_600_000,
    },
    sampleBuffer: parsed.data.CONSOLE_SAMPLE_BUFFER,
    leaderLeaseMs: parsed.data.CONSOLE_LEADER_LEASE_MS,
    webhookNetworks: {
      allowed: parsed.data.CONSOLE_WEBHOOK_ALLOWED_NETWORKS,
      denied: parsed.data.CONSOLE_WEBHOOK_DENIED_NETWORKS,
    },
    logFormat: parsed.data.CONSOLE_LOG_FORMAT,
  };
}

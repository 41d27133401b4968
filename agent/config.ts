// The agent's YAML configuration: which nodes this process serves, on which port, with which
// driver. Validated with zod so a typo stops the agent at start with the field that is wrong.
import { parse } from "yaml";
import { z } from "zod";
import { commandsSchema } from "./commands/config.ts";
import { httpSchema } from "./drivers/http/config.ts";
import { mariadbSchema } from "./drivers/mariadb/config.ts";
import { postgresqlSchema } from "./drivers/postgresql/config.ts";
import { redisSchema } from "./drivers/redis/config.ts";
import { pgbouncerSchema } from "./traffic/pgbouncer-config.ts";

const name = z.string().min(1).max(200);

const listen = z
  .string()
  .regex(/^[\w.-]+:\d{1,5}$/, "listen must be host:port, e.g. 127.0.0.1:7101")
  .transform((value) => {
    const at = value.lastIndexOf(":");
    return { host: value.slice(0, at), port: Number(value.slice(at + 1)) };
  });

export const simulatedSchema = z.object({
  /** Nodes of one cluster in one process see each other as peers. */
  cluster: name,
  system: z.enum(["postgresql", "redis", "http"]).default("postgresql"),
  role: z.enum(["primary", "standby", "active"]),
  upstream: name.optional(),
  replicationMode: z.enum(["sync", "async", "quorum"]).default("async"),
  weight: z.number().int().min(0).max(256).default(100),
  maxRequestsPerSec: z.number().positive().default(1000),
  /** Traffic the whole cluster receives; active nodes share it by weight. */
  clusterRequestsPerSec: z.number().nonnegative().default(1200),
});

export type SimulatedConfig = z.infer<typeof simulatedSchema>;

const common = {
  name,
  /** The agent id in status documents; defaults to the node name. */
  id: name.optional(),
  listen,
  token: z.string().min(16, "token must be at least 16 characters"),
  region: z.string().max(100).optional(),
  zone: z.string().max(100).optional(),
  /** Push mode: the agent also sends its status to the console (for agents behind NAT). */
  push: z
    .object({ url: z.string().url(), intervalMs: z.number().int().min(100).max(3_600_000).default(1000) })
    .optional(),
  /**
   * A polled agent tells the console at once when its service's process goes (or comes back), by
   * sending its status to this URL (the console's /api/agent/v1/report), instead of waiting to be polled.
   */
  notify: z.object({ url: z.string().url(), watchMs: z.number().int().min(20).max(60_000).default(100) }).optional(),
  /** The programs `run-command` may run on this host (protocol v1.3); without it, none. */
  commands: commandsSchema.optional(),
  /** The PgBouncer `pgbouncer` actions steer (protocol v1.3); without it, they are unsupported. */
  pgbouncer: pgbouncerSchema.optional(),
};

const nodeSchema = z.discriminatedUnion("driver", [
  z.object({ ...common, driver: z.literal("simulated"), simulated: simulatedSchema }),
  z.object({ ...common, driver: z.literal("postgresql"), postgresql: postgresqlSchema }),
  z.object({ ...common, driver: z.literal("redis"), redis: redisSchema }),
  z.object({ ...common, driver: z.literal("http"), http: httpSchema }),
  z.object({ ...common, driver: z.literal("mariadb"), mariadb: mariadbSchema }),
]);

export type NodeConfig = z.infer<typeof nodeSchema>;

export const configSchema = z.object({
  nodes: z
    .array(nodeSchema)
    .min(1)
    .max(5000)
    .refine((nodes) => new Set(nodes.map((n) => n.name)).size === nodes.length, "node names must be unique")
    .refine((nodes) => new Set(nodes.map((n) => n.listen.port)).size === nodes.length, "listen ports must be unique"),
});

export type AgentConfig = z.infer<typeof configSchema>;

/** Every problem of a configuration, each as `source: field: what is wrong`. */
export const configProblems = (error: z.ZodError, source: string): string[] =>
  error.issues.map((issue) => `${source}: ${issue.path.join(".") || "(document)"}: ${issue.message}`);

export function parseConfig(text: string, source = "config"): AgentConfig {
  const parsed = configSchema.safeParse(parse(text));
  if (!parsed.success) throw new Error(configProblems(parsed.error, source)[0]);
  return parsed.data;
}

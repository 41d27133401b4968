// Agent protocol v1 (DESIGN.md): the documents agents and the console exchange. A public contract:
// change it only with a version bump. Shared by the agent program and the console.
import { z } from "zod";

export const PROTOCOL_VERSION = "v1";

const nonNegative = z.number().finite().nonnegative();
const name = z.string().min(1).max(200);

export const checkSchema = z.object({
  layer: z.enum(["network", "process", "application", "business"]),
  name,
  ok: z.boolean(),
  latencyMs: nonNegative.optional(),
  detail: z.string().max(2000).optional(),
});

export const statusSchema = z.object({
  agent: z.object({ id: name, version: z.string().min(1).max(50) }),
  node: z.object({ name, region: z.string().max(100).optional(), zone: z.string().max(100).optional() }),
  observedAt: z.iso.datetime({ offset: true }),
  role: z.enum(["primary", "standby", "active", "unknown"]),
  healthy: z.boolean(),
  checks: z.array(checkSchema).max(100).optional(),
  replication: z
    .object({
      upstream: name.optional(),
      mode: z.enum(["sync", "async", "quorum"]).optional(),
      lagBytes: nonNegative.optional(),
      lagSeconds: nonNegative.optional(),
      timeline: z.number().int().nonnegative().optional(),
      /** On a primary: each standby as it sees it (PostgreSQL's pg_stat_replication). */
      standbys: z
        .array(
          z.object({
            name,
            state: z.string().max(50),
            syncState: z.string().max(20),
            lagBytes: nonNegative,
            writeLagMs: nonNegative.nullable().optional(),
            flushLagMs: nonNegative.nullable().optional(),
            replayLagMs: nonNegative.nullable().optional(),
          }),
        )
        .max(100)
        .optional(),
    })
    .optional(),
  traffic: z
    .object({
      weight: z.number().int().min(0).max(256).optional(),
      state: z.enum(["ready", "drain", "maint"]).optional(),
      activeConnections: z.number().int().nonnegative().optional(),
      requestsPerSec: nonNegative.optional(),
      errorRate: z.number().min(0).max(1).optional(),
    })
    .optional(),
  conflicts: z.object({ total: z.number().int().nonnegative() }).optional(),
  capacity: z.object({ maxRequestsPerSec: nonNegative }).optional(),
  peers: z
    .array(z.object({ node: name, reachable: z.boolean(), latencyMs: nonNegative.optional() }))
    .max(100)
    .optional(),
});

export type AgentStatus = z.infer<typeof statusSchema>;

export const ACTION_TYPES = [
  "promote",
  "demote",
  "fence",
  "unfence",
  "drain",
  "undrain",
  "set-weight",
  "inject-fault",
  "clear-fault",
] as const;

export const actionRequestSchema = z.object({
  id: z.string().min(1).max(200),
  type: z.enum(ACTION_TYPES),
  params: z.record(z.string(), z.unknown()).default({}),
  /** The console leader's leadership epoch (optional: an operator's curl has none). */
  epoch: z.number().int().nonnegative().optional(),
});

export type AgentActionRequest = z.infer<typeof actionRequestSchema>;

export const actionResultSchema = z.object({
  id: z.string(),
  status: z.enum(["done", "failed", "unsupported"]),
  detail: z.string().max(4000).optional(),
});

export type AgentActionResult = z.infer<typeof actionResultSchema>;

/** The first wrong field of a rejected document, in the form the API returns with a 400. */
export function firstProblem(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  return { field: issue?.path.join(".") || "(document)", message: issue?.message ?? "invalid" };
}

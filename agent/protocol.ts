// Agent protocol v1 (DESIGN.md): the documents agents and the console exchange. A public contract:
// change it only with a version bump. Shared by the agent program and the console. Every number and
// string is bounded to what the console's store can keep (protocol-limits.ts).
import { z } from "zod";
import {
  count,
  INT4_MAX,
  MAX_LAG_BYTES,
  MAX_LAG_MS,
  MAX_LAG_SECONDS,
  MAX_LATENCY_MS,
  MAX_REQUESTS_PER_SEC,
  isSafeText,
  real,
  safeText,
  UINT32_MAX,
  UNSAFE_TEXT_MESSAGE,
  within,
} from "./protocol-limits.ts";
import { faultKindSchema, faultSchema } from "./protocol-faults.ts";
import { HOST_ACTION_TYPES, type HostAction, hostActionSchemas } from "./protocol-host-actions.ts";

export const PROTOCOL_VERSION = "v1";

const name = safeText(200).min(1);
const latencyMs = real(MAX_LATENCY_MS);
const lagMs = real(MAX_LAG_MS);

export const checkSchema = z.object({
  layer: z.enum(["network", "process", "application", "business"]),
  name,
  ok: z.boolean(),
  latencyMs: latencyMs.optional(),
  detail: safeText(2000).optional(),
  /**
   * On a failed process check: the process does not exist at all (not stopped, not slow). A certain
   * death the console acts on at once, without waiting for its failure threshold. Added in v1.1.
   */
  gone: z.boolean().optional(),
});

export const statusSchema = z.object({
  agent: z.object({ id: name, version: safeText(50).min(1) }),
  node: z.object({ name, region: safeText(100).optional(), zone: safeText(100).optional() }),
  observedAt: z.iso.datetime({ offset: true }),
  role: z.enum(["primary", "standby", "active", "unknown"]),
  healthy: z.boolean(),
  checks: z.array(checkSchema).max(100).optional(),
  replication: z
    .object({
      upstream: name.optional(),
      mode: z.enum(["sync", "async", "quorum"]).optional(),
      lagBytes: count(MAX_LAG_BYTES).optional(),
      lagSeconds: real(MAX_LAG_SECONDS).optional(),
      timeline: count(UINT32_MAX).optional(),
      /** MariaDB: the GTID position a replica has applied (gtid_slave_pos), a primary written. Added in v1.2. */
      gtid: safeText(2000).optional(),
      /** MariaDB: transactions a replica has yet to apply, counted from GTID sequence numbers. Added in v1.2. */
      lagTransactions: count(MAX_LAG_BYTES).optional(),
      /** On a primary: each standby as it sees it (PostgreSQL's pg_stat_replication). */
      standbys: z
        .array(
          z.object({
            name,
            state: safeText(50),
            syncState: safeText(20),
            lagBytes: count(MAX_LAG_BYTES),
            writeLagMs: lagMs.nullable().optional(),
            flushLagMs: lagMs.nullable().optional(),
            replayLagMs: lagMs.nullable().optional(),
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
      activeConnections: count(INT4_MAX).optional(),
      requestsPerSec: real(MAX_REQUESTS_PER_SEC).optional(),
      errorRate: real(1).optional(),
    })
    .optional(),
  conflicts: z.object({ total: count(INT4_MAX) }).optional(),
  capacity: z.object({ maxRequestsPerSec: real(MAX_REQUESTS_PER_SEC) }).optional(),
  peers: z
    .array(
      z.object({
        node: name,
        reachable: z.boolean(),
        latencyMs: latencyMs.optional(),
        /** The peer's host answered that nothing listens on its service port: the service is gone, not cut off. */
        refused: z.boolean().optional(),
      }),
    )
    .max(100)
    .optional(),
});

export type AgentStatus = z.infer<typeof statusSchema>;

/** A node named in a parameter (a demoted node's upstream, a peer to fence at the load balancer). */
const nodeParam = z
  .string("must be a node name")
  .min(1, "must be a node name")
  .max(200, "must be at most 200 characters")
  .refine(isSafeText, UNSAFE_TEXT_MESSAGE);
/** fence/unfence: this node, or another of its cluster, taken off (or put back on) the write path. */
const ofNode = z.object({ node: nodeParam.optional() });

/**
 * One schema per action type, checking its parameters (unknown ones are dropped, as v1 always did).
 * The request's shape is judged first (actionRequestSchema: a 400); a bad parameter is answered
 * `failed` with the parameter's name, so a driver sees only actions whose parameters are well formed.
 */
const actionSchemas = [
  /**
   * `follow`: only follow a promotion the system's own manager (Redis Sentinel) already made: take this
   * node as the write path if the manager names it primary, and never ask the manager to fail over.
   */
  z.object({ type: z.literal("promote"), params: z.object({ follow: z.boolean().optional() }) }),
  /** Without an upstream, a driver that knows its cluster's primary follows it; others answer `failed`. */
  z.object({ type: z.literal("demote"), params: z.object({ upstream: nodeParam.optional() }) }),
  z.object({ type: z.literal("fence"), params: ofNode }),
  z.object({ type: z.literal("unfence"), params: ofNode }),
  z.object({ type: z.literal("drain"), params: z.object({}) }),
  z.object({ type: z.literal("undrain"), params: z.object({}) }),
  z.object({ type: z.literal("set-weight"), params: z.object({ weight: within(0, 256, true) }) }),
  z.object({ type: z.literal("inject-fault"), params: faultSchema }),
  /** Without a kind every fault is cleared. */
  z.object({ type: z.literal("clear-fault"), params: z.object({ kind: faultKindSchema.optional() }) }),
] as const;

/** The actions a node's driver carries out. */
export const DRIVER_ACTION_TYPES = actionSchemas.map((schema) => schema.shape.type.value);

/** Every action type an agent accepts: its driver's, and those it carries out on its host (v1.3, optional). */
export const ACTION_TYPES = [...DRIVER_ACTION_TYPES, ...HOST_ACTION_TYPES];

export const agentActionSchema = z.discriminatedUnion("type", actionSchemas);

/** An action as a driver receives it: its type and its parameters, parsed. */
export type AgentAction = z.infer<typeof agentActionSchema>;

/** Any action an agent accepts, its parameters checked by its type's schema. */
export const anyActionSchema = z.discriminatedUnion("type", [...actionSchemas, ...hostActionSchemas]);

export const isHostAction = (action: AgentAction | HostAction): action is HostAction =>
  (HOST_ACTION_TYPES as string[]).includes(action.type);

export const actionRequestSchema = z.object({
  id: z.string().min(1).max(200),
  type: z.enum(ACTION_TYPES),
  params: z.record(z.string(), z.unknown()).default({}),
  /** The console leader's leadership epoch (optional: an operator's curl has none). */
  epoch: z.number().int().nonnegative().optional(),
});

export type AgentActionRequest = z.infer<typeof actionRequestSchema>;

/** The longest detail an action's result carries; a longer one is shortened in its middle (perform.ts). */
export const MAX_RESULT_DETAIL = 4000;

export const actionResultSchema = z.object({
  id: z.string(),
  status: z.enum(["done", "failed", "unsupported"]),
  detail: z.string().max(MAX_RESULT_DETAIL).optional(),
});

export type AgentActionResult = z.infer<typeof actionResultSchema>;

/** The first wrong field of a rejected document, in the form the API returns with a 400. */
export function firstProblem(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  return { field: issue?.path.join(".") || "(document)", message: issue?.message ?? "invalid" };
}

// An action's request as the API takes it (DESIGN.md, "Action API"), and the steps a plan is made
// of; the action names themselves are lib/actions.ts.
import { z } from "zod";
import { ACTION_TYPES, type ActionType } from "../../lib/actions.ts";
import type { HookPhase, RouteOp } from "../../lib/hooks.ts";
import { nameText, reasonText, safeText } from "../security/safe-input.ts";

export const actionParamsSchema = z
  .object({
    weight: z.number().int().min(0).max(256).optional(),
    /** The primary the operator saw when planning; the run refuses if it changed. */
    expectedPrimary: nameText.optional(),
    /** The operator accepts the potential data loss the plan showed. */
    acceptDataLoss: z.boolean().optional(),
  })
  .strict();

export const planRequestSchema = z.object({
  type: z.enum(ACTION_TYPES),
  target: nameText.optional(),
  params: actionParamsSchema.default({}),
});

export type PlanRequest = z.infer<typeof planRequestSchema>;

export const runRequestSchema = planRequestSchema.extend({
  reason: reasonText,
  confirm: safeText(200).min(1, "type the cluster's name to confirm"),
  overrides: z.array(safeText(100).min(1)).max(20).default([]),
  idempotencyKey: safeText(200).min(1).optional(),
});

export type RunRequest = z.infer<typeof runRequestSchema>;

/** What a step does when it runs; stored with the action so a new leader resumes it. */
export type StepSpec =
  | { kind: "confirm-down"; node: string; timeoutMs: number }
  /**
   * Fence an old primary: off the write path through the target's agent (the load balancer) when it is
   * confirmed down, else through its own agent.
   */
  | { kind: "fence-old"; node: string; via: string }
  | {
      kind: "agent";
      node: string;
      type:
        | "promote"
        | "demote"
        | "fence"
        | "unfence"
        | "drain"
        | "undrain"
        | "set-weight"
        | "inject-fault"
        | "clear-fault"
        | "run-command"
        | "pgbouncer";
      params: Record<string, unknown>;
    }
  | { kind: "repoint"; node: string }
  /** Switchover: when the target does not catch up, the rollback steps run (the demoted primary is promoted again). */
  | { kind: "catch-up"; node: string; timeoutMs: number; rollback?: { name: string; spec: StepSpec }[] }
  | { kind: "serving-primary"; node: string; timeoutMs: number }
  /** Rejoin: the node reports a healthy standby replicating from `upstream`. */
  | { kind: "follows"; node: string; upstream: string; timeoutMs: number }
  | { kind: "connections-drained"; node: string; timeoutMs: number }
  /** A cluster hook, as it was defined when the action was planned (its secret is read when it runs). */
  | ({ kind: "hook"; phase: HookPhase; required: boolean; onFailure?: boolean; context: HookContext } & HookCall)
  /** A client route moved: `node` is whose address it points at (or removes, or adds back). */
  | ({ kind: "route"; op: RouteOp; node: string; onFailure?: boolean } & RouteCall);

/** What a hook is told: the action, and the old and new primary (their addresses are read when it runs). */
export interface HookContext {
  action: ActionType;
  target: string | null;
  oldPrimary: string | null;
  newPrimary: string | null;
}

export type HookCall =
  | { hook: string; hookKind: "http"; url: string; timeoutMs: number }
  | { hook: string; hookKind: "command"; node: string; argv: string[]; timeoutMs: number };

export type RouteCall =
  | { route: string; routeKind: "pgbouncer"; via: string; database: string; timeoutMs: number }
  | {
      route: string;
      routeKind: "dns";
      server: string;
      zone: string;
      record: string;
      ttl: number;
      keyName: string;
      keyAlgorithm: "hmac-sha256" | "hmac-sha512";
      timeoutMs: number;
    };

/** The steps that undo a failure of this one, if any. */
export function rollbackOf(spec: StepSpec): { name: string; spec: StepSpec }[] {
  return spec.kind === "catch-up" ? (spec.rollback ?? []) : [];
}

export interface PlannedStep {
  name: string;
  spec: StepSpec;
  /** Expected duration, for the plan's estimate. */
  estimateMs: number;
}

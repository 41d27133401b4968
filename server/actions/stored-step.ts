// An action step's `spec` column as stored: parsed on read, never cast, so a resumed action runs
// only what its schema allows. Mirrors StepSpec (types.ts), with the rollback mark a failure adds.
import { z } from "zod";
import type { StepSpec } from "./types.ts";
import { hookStepSchema, routeStepSchema } from "./stored-hook-step.ts";

const node = z.string();
const timeoutMs = z.number();
const agentTypes = [
  "promote",
  "demote",
  "fence",
  "unfence",
  "drain",
  "undrain",
  "set-weight",
  "inject-fault",
  "clear-fault",
  "run-command",
  "pgbouncer",
] as const;

const stepSpecSchema: z.ZodType<StepSpec> = z.lazy(() =>
  z.union([
    z.object({ kind: z.literal("confirm-down"), node, timeoutMs }),
    z.object({ kind: z.literal("fence-old"), node, via: z.string() }),
    z.object({ kind: z.literal("agent"), node, type: z.enum(agentTypes), params: z.record(z.string(), z.unknown()) }),
    z.object({ kind: z.literal("repoint"), node }),
    z.object({
      kind: z.literal("catch-up"),
      node,
      timeoutMs,
      rollback: z.array(z.object({ name: z.string(), spec: stepSpecSchema })).optional(),
    }),
    z.object({ kind: z.literal("serving-primary"), node, timeoutMs }),
    z.object({ kind: z.literal("follows"), node, upstream: z.string(), timeoutMs }),
    z.object({ kind: z.literal("connections-drained"), node, timeoutMs }),
    hookStepSchema,
    routeStepSchema,
  ]),
);

/** Steps appended to undo a failure are marked, so a resumed action tells them from steps past it. */
export type StoredStepSpec = StepSpec & { isRollback?: true };

const rollbackMark = z.object({ isRollback: z.literal(true).optional() });

export function readStepSpec(json: unknown): StoredStepSpec {
  return { ...stepSpecSchema.parse(json), ...rollbackMark.parse(json) };
}

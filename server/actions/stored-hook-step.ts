// The stored shape of hook and route steps (stored-step.ts): parsed on read like every other step.
import { z } from "zod";
import { ACTION_TYPES } from "../../lib/actions.ts";
import { HOOK_PHASES, ROUTE_OPS } from "../../lib/hooks.ts";

const timeoutMs = z.number();
const onFailure = z.boolean().optional();

const hookCall = z.discriminatedUnion("hookKind", [
  z.object({ hook: z.string(), hookKind: z.literal("http"), url: z.string(), timeoutMs }),
  z.object({
    hook: z.string(),
    hookKind: z.literal("command"),
    node: z.string(),
    argv: z.array(z.string()),
    timeoutMs,
  }),
]);

export const hookStepSchema = z
  .object({
    kind: z.literal("hook"),
    phase: z.enum(HOOK_PHASES),
    required: z.boolean(),
    onFailure,
    context: z.object({
      action: z.enum(ACTION_TYPES),
      target: z.string().nullable(),
      oldPrimary: z.string().nullable(),
      newPrimary: z.string().nullable(),
    }),
  })
  .and(hookCall);

const routeCall = z.discriminatedUnion("routeKind", [
  z.object({ route: z.string(), routeKind: z.literal("pgbouncer"), via: z.string(), database: z.string(), timeoutMs }),
  z.object({
    route: z.string(),
    routeKind: z.literal("dns"),
    server: z.string(),
    zone: z.string(),
    record: z.string(),
    ttl: z.number(),
    keyName: z.string(),
    keyAlgorithm: z.enum(["hmac-sha256", "hmac-sha512"]),
    timeoutMs,
  }),
]);

export const routeStepSchema = z
  .object({ kind: z.literal("route"), op: z.enum(ROUTE_OPS), node: z.string(), onFailure })
  .and(routeCall);

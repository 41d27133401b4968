// A cluster's hooks and client routes as the API answers them (server/hooks/hooks.ts, server/routes/routes.ts).
import { z } from "zod";
import { HOOK_PHASES } from "../../../lib/hooks.ts";
import { component } from "./components.ts";

const common = {
  name: z.string(),
  phase: z.enum(HOOK_PHASES),
  required: z
    .boolean()
    .describe("Its failure stops the action; otherwise it is said (hook.failed) and the action goes on."),
  timeoutMs: z.number(),
};

const hookSchema = z.discriminatedUnion("kind", [
  z.object({ ...common, kind: z.literal("http"), url: z.string() }),
  z.object({ ...common, kind: z.literal("command"), node: z.string(), argv: z.array(z.string()) }),
]);

export const hookListSchema = component(
  "HookList",
  "A cluster's hooks in the order they run within each phase; never their secrets.",
  z.object({ hooks: z.array(hookSchema) }),
);

export const hooksReplacedSchema = component(
  "HooksReplaced",
  "The hooks as saved, and the signing secret of each http hook the change added, shown only here.",
  z.object({ hooks: z.array(hookSchema), secrets: z.record(z.string(), z.string()) }),
);

const routeSchema = z.discriminatedUnion("kind", [
  z.object({
    name: z.string(),
    kind: z.literal("pgbouncer"),
    node: z.string(),
    database: z.string(),
    timeoutMs: z.number(),
  }),
  z.object({
    name: z.string(),
    kind: z.literal("dns"),
    server: z.string(),
    zone: z.string(),
    record: z.string(),
    ttl: z.number(),
    key: z.object({ name: z.string(), algorithm: z.enum(["hmac-sha256", "hmac-sha512"]) }),
    timeoutMs: z.number(),
  }),
]);

export const routeListSchema = component(
  "RouteList",
  "A cluster's client routes (never a TSIG secret) and where clients reach each node.",
  z.object({ routes: z.array(routeSchema), addresses: z.record(z.string(), z.string().nullable()) }),
);

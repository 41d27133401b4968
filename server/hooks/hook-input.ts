// A cluster's hooks as an admin writes them (API and settings page): the whole ordered list at
// once. Checked here field by field, so a bad one is a 400 naming it and nothing changes.
import { z } from "zod";
import { HOOK_KINDS, HOOK_PHASES, HOOK_TIMEOUT_LIMITS } from "../../lib/hooks.ts";
import { outboundUrl } from "../alerts/endpoints.ts";
import { nameText, reasonText, safeText } from "../security/safe-input.ts";

const hookName = safeText(63).regex(/^[a-z0-9][a-z0-9-]*$/, "a hook's name is lower-case letters, digits and -");

const timeoutMs = z
  .number()
  .int("timeoutMs must be a whole number")
  .min(HOOK_TIMEOUT_LIMITS.min, `timeoutMs must be at least ${HOOK_TIMEOUT_LIMITS.min}`)
  .max(HOOK_TIMEOUT_LIMITS.max, `timeoutMs must be at most ${HOOK_TIMEOUT_LIMITS.max}`);

const common = {
  name: hookName,
  phase: z.enum(HOOK_PHASES),
  required: z.boolean().default(true),
  timeoutMs: timeoutMs.default(10_000),
};

export const httpHookSchema = z
  .object({
    ...common,
    kind: z.literal(HOOK_KINDS[0]),
    url: outboundUrl.refine((u) => {
      const url = URL.canParse(u) ? new URL(u) : null;
      return !url?.username && !url?.password;
    }, "url carries no user or password: the receiver checks the signature"),
  })
  .strict();

export const commandHookSchema = z
  .object({
    ...common,
    kind: z.literal(HOOK_KINDS[1]),
    node: nameText,
    argv: z
      .array(safeText(4096).min(1, "argv items are not empty"))
      .min(1, "argv names the program to run")
      .max(64, "argv has at most 64 items")
      .refine((argv) => argv[0]?.startsWith("/"), "argv[0] is an absolute path (no shell, no PATH search)"),
  })
  .strict();

export const hookSchema = z.discriminatedUnion("kind", [httpHookSchema, commandHookSchema]);
export type HookInput = z.infer<typeof hookSchema>;

export const hooksSchema = z
  .array(hookSchema)
  .max(32, "a cluster has at most 32 hooks")
  .refine((hooks) => new Set(hooks.map((h) => h.name)).size === hooks.length, "hook names are unique in a cluster");

export const hooksReplaceSchema = z.object({ hooks: hooksSchema, reason: reasonText }).strict();

// Protocol v1.3 (optional): actions an agent carries out on its host whatever its driver: a command
// from its allow list, and PgBouncer's pool steered. An agent without the config section answers
// `unsupported`; one older than v1.3 refuses the type with a 400, as any unknown type.
import { z } from "zod";
import { isSafeText, UNSAFE_TEXT_MESSAGE, within } from "./protocol-limits.ts";

const text = (max: number) =>
  z.string("must be a string").max(max, `must be at most ${max} characters`).refine(isSafeText, UNSAFE_TEXT_MESSAGE);

const MAX_ENV = 64;

/**
 * Only the console's own variables pass (HAOPS_…): an allow list, so no name that changes which code
 * an allowed program runs (LD_PRELOAD, PATH, BASH_ENV, NODE_OPTIONS, JAVA_TOOL_OPTIONS, …) ever does,
 * and the agent's allow list stays the whole of what a console may run.
 */
const ENV_NAME = /^HAOPS_[A-Z0-9_]+$/;
const ENV_NAME_PROBLEM = "is not a hook variable: HAOPS_ and then upper case letters, digits and _";

export const runCommandParamsSchema = z.object({
  /** The program (an absolute path, exactly as in the agent's commands.allow) and its arguments; no shell. */
  argv: z
    .array(text(4096), "must be a list of strings")
    .min(1, "must hold the program's path")
    .max(64, "must hold at most 64 items"),
  /** Added to an environment of PATH alone. */
  env: z
    .record(z.string(), text(4096), "must map names to strings")
    .superRefine((env, context) => {
      const names = Object.keys(env);
      if (names.length > MAX_ENV)
        context.addIssue({ code: "custom", message: `must hold at most ${MAX_ENV} variables` });
      for (const name of names)
        if (!ENV_NAME.test(name)) context.addIssue({ code: "custom", path: [name], message: ENV_NAME_PROBLEM });
    })
    .default({}),
  timeoutMs: within(100, 600_000, true),
});

export type RunCommandParams = z.infer<typeof runCommandParamsSchema>;

/** A database of PgBouncer's [databases] section. */
const database = z
  .string("must be a database name")
  .regex(/^[A-Za-z0-9_.-]{1,63}$/, "must match ^[A-Za-z0-9_.-]{1,63}$");
/** A name or an address, and nothing that could end an option of a [databases] line and start another. */
const HOST = /^[A-Za-z0-9_.:-]{1,253}$/;

export const pgbouncerParamsSchema = z.discriminatedUnion(
  "op",
  [
    /** holdMs: the agent resumes the pool by itself after this long, unless told first (a console gone mid-action). */
    z.object({ op: z.literal("pause"), database, holdMs: within(1_000, 600_000, true).optional() }),
    z.object({ op: z.literal("resume"), database }),
    /** The server the database's pool connects to from now on. */
    z.object({
      op: z.literal("point"),
      database,
      host: z.string("must be a host name or address").regex(HOST, "must be a host name or address"),
      port: within(1, 65535, true),
    }),
  ],
  "must be one of pause, resume, point",
);

export type PgbouncerParams = z.infer<typeof pgbouncerParamsSchema>;

export const hostActionSchemas = [
  z.object({ type: z.literal("run-command"), params: runCommandParamsSchema }),
  z.object({ type: z.literal("pgbouncer"), params: pgbouncerParamsSchema }),
] as const;

export const HOST_ACTION_TYPES = hostActionSchemas.map((schema) => schema.shape.type.value);

/** An action the agent carries out itself, not through its node's driver. */
export type HostAction = z.infer<(typeof hostActionSchemas)[number]>;

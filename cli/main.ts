// `haops`: reads the command line, runs one command against the console, and says how it ended
// (exit.ts). Run by the package's bin (cli/haops.mjs).
import type { Readable, Writable } from "node:stream";
import { parseArgs } from "node:util";
import { type Client, apiClient } from "./client.ts";
import { ack, alerts } from "./commands/alerts.ts";
import { plan, runAction, watchAction } from "./commands/actions.ts";
import { audit } from "./commands/audit.ts";
import { cluster, clusters } from "./commands/clusters.ts";
import { runDrill, watchDrill } from "./commands/drills.ts";
import { halt } from "./commands/halt.ts";
import { CliError, EXIT, type ExitCode } from "./exit.ts";
import { type Io, processIo } from "./io.ts";
import { USAGE } from "./usage.ts";

const OPTIONS = {
  url: { type: "string" },
  token: { type: "string" },
  json: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
  reason: { type: "string" },
  yes: { type: "boolean", short: "y", default: false },
  override: { type: "string", multiple: true },
  "no-wait": { type: "boolean", default: false },
  interval: { type: "string" },
  timeout: { type: "string" },
  weight: { type: "string" },
  target: { type: "string" },
  region: { type: "string" },
  all: { type: "boolean", default: false },
  note: { type: "string" },
  limit: { type: "string" },
  cluster: { type: "string" },
  actor: { type: "string" },
  action: { type: "string" },
  follow: { type: "boolean", short: "f", default: false },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>["values"];

const RUNNABLE = new Set(["failover", "switchover", "drain", "undrain", "rejoin", "fence", "unfence", "set-weight"]);

function number(name: string, text: string | undefined, fallback?: number): number | undefined {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new CliError(`${name} must be a number, not "${text}".`);
  return value;
}

/** The positional arguments a command needs, by name, or a usage error naming what is missing. */
function args<const N extends string[]>(given: string[], names: N): { [K in keyof N]: string } {
  if (given.length < names.length)
    throw new CliError(`Missing ${names.slice(given.length).join(", ")}. See haops --help.`);
  if (given.length > names.length) throw new CliError(`Too many arguments: ${given.slice(names.length).join(" ")}.`);
  return given as { [K in keyof N]: string };
}

async function dispatch(client: Client, io: Io, words: string[], v: Values): Promise<ExitCode> {
  const [command = "", ...rest] = words;
  const pace = { intervalMs: (number("--interval", v.interval, 1) ?? 1) * 1000, timeoutMs: timeoutOf(v) };
  const run = { reason: v.reason, yes: v.yes, overrides: v.override ?? [], wait: !v["no-wait"], pace };
  if (command === "clusters" && args(rest, [])) return clusters(client, io);
  if (command === "cluster") return cluster(client, io, args(rest, ["NAME"])[0]);
  if (command === "plan") {
    const [name, type, target] = args(rest, ["CLUSTER", "TYPE", "NODE"]);
    return plan(client, io, { cluster: name, type, target, params: weightParams(v.weight) });
  }
  if (command === "set-weight") {
    const [name, target, weight] = args(rest, ["CLUSTER", "NODE", "WEIGHT"]);
    return runAction(client, io, { cluster: name, type: command, target, params: weightParams(weight) }, run);
  }
  if (RUNNABLE.has(command)) {
    const [name, target] = args(rest, ["CLUSTER", "NODE"]);
    return runAction(client, io, { cluster: name, type: command, target, params: {} }, run);
  }
  if (command === "action" && rest[0] === "watch") return watchAction(client, io, args(rest, ["watch", "ID"])[1], pace);
  if (command === "drill" && rest[0] === "run") {
    const [, name, scenario] = args(rest, ["run", "CLUSTER", "SCENARIO"]);
    return runDrill(client, io, { cluster: name, scenario, target: v.target, region: v.region }, run);
  }
  if (command === "drill" && rest[0] === "watch") return watchDrill(client, io, args(rest, ["watch", "ID"])[1], pace);
  if (command === "alerts" && args(rest, [])) return alerts(client, io, v.all);
  if (command === "ack") return ack(client, io, args(rest, ["ID"])[0], v.note);
  if (command === "halt") return halt(client, io, rest.length ? args(rest, ["on|off"])[0] : undefined, v.reason);
  if (command === "audit") {
    const filter = {
      limit: number("--limit", v.limit, 50) ?? 50,
      cluster: v.cluster,
      actor: v.actor,
      action: v.action,
    };
    const follow = v.follow ? { intervalMs: (number("--interval", v.interval, 2) ?? 2) * 1000 } : null;
    return audit(client, io, filter, follow);
  }
  throw new CliError(command ? `Unknown command "${words.join(" ")}". See haops --help.` : USAGE);
}

const weightParams = (weight: string | undefined) => (weight === undefined ? {} : { weight: number("weight", weight) });

function timeoutOf(v: Values): number | undefined {
  const seconds = number("--timeout", v.timeout);
  return seconds === undefined ? undefined : seconds * 1000;
}

export interface Process {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  env: Record<string, string | undefined>;
}

export async function main(argv: string[], proc: Process): Promise<ExitCode> {
  const fail = (message: string) => {
    proc.stderr.write(`haops: ${message}\n`);
    return EXIT.error;
  };
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
    if (values.help || positionals[0] === "help") {
      proc.stdout.write(`${USAGE}\n`);
      return EXIT.done;
    }
    const io = processIo(values.json, proc.stdin, proc.stdout, proc.stderr);
    const client = apiClient({ url: values.url ?? proc.env.HAOPS_URL, token: values.token ?? proc.env.HAOPS_TOKEN });
    return await dispatch(client, io, positionals, values);
  } catch (error) {
    if (error instanceof CliError) return fail(error.message);
    // parseArgs names the unknown or malformed option itself.
    if ((error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) return fail((error as Error).message);
    return fail(`unexpected error: ${(error as Error).stack ?? String(error)}`);
  }
}

// The "Add a hook" form's fields as typed, read into the hook the API takes (or what is wrong with
// each, in words), and a hook said in one line for the table. The URL's scheme and reach are the
// server's to judge: it knows which networks hooks may reach.
import { HOOK_TIMEOUT_LIMITS, type HookKind, type HookPhase } from "@/lib/hooks";
import { duration } from "@/lib/format";
import type { HookInput as Hook } from "@/server/hooks/hook-input";
import { type Read, readOf } from "./form-read";

export type { Hook };

export interface HookValues {
  name: string;
  phase: HookPhase;
  kind: HookKind;
  url: string;
  node: string;
  /** One argument a line. */
  argv: string;
  required: boolean;
  /** Seconds, as typed. */
  timeout: string;
}

export type HookField = "name" | "url" | "node" | "argv" | "timeout";

export const newHookValues = (node: string): HookValues => ({
  name: "",
  phase: "after_promote",
  kind: "http",
  url: "",
  node,
  argv: "",
  required: true,
  timeout: "10",
});

/** The arguments of a command, one a line; blank lines and the spaces around each are not arguments. */
export function argvOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** What a hook does, as the table says it: "POST <url>" or "<node>: <argv>". */
export function describeHook(hook: Hook): string {
  return hook.kind === "http" ? `POST ${hook.url}` : `${hook.node}: ${hook.argv.join(" ")}`;
}

/** A name as hooks and routes take it; `taken` are the names already in the list. */
export function nameError(name: string, taken: readonly string[]): string | undefined {
  if (name === "") return "Name is needed.";
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) return "Name is lower-case letters, digits and -.";
  if (name.length > 63) return "Name is at most 63 characters.";
  return taken.includes(name) ? `${name} is already in the list.` : undefined;
}

/** A time limit typed in seconds ("2,5" too), in ms; NaN for what is no number. */
export const secondsToMs = (text: string) => Math.round(Number(text.trim().replace(",", ".")) * 1_000);

/** What is wrong with a time limit typed in seconds, if anything. */
export function timeoutError(text: string): string | undefined {
  const ms = secondsToMs(text);
  if (text.trim() === "" || !Number.isFinite(ms)) return "Timeout must be a number of seconds, like 2.5.";
  if (ms < HOOK_TIMEOUT_LIMITS.min) return `Timeout must be at least ${duration(HOOK_TIMEOUT_LIMITS.min)}.`;
  if (ms > HOOK_TIMEOUT_LIMITS.max) return `Timeout must be at most ${duration(HOOK_TIMEOUT_LIMITS.max)}.`;
  return undefined;
}

/** The hook to add, or what is wrong with each field. */
export function readHook(values: HookValues, taken: readonly string[]): Read<Hook, HookField> {
  const name = values.name.trim();
  const url = values.url.trim();
  const argv = argvOf(values.argv);
  const command = values.kind === "command";
  const all = {
    name: nameError(name, taken),
    url: !command && url === "" ? "URL is needed." : undefined,
    node: command && values.node === "" ? "Pick the node whose agent runs the command." : undefined,
    argv: command ? argvError(argv) : undefined,
    timeout: timeoutError(values.timeout),
  };
  return readOf(all, (): Hook => {
    const common = { name, phase: values.phase, required: values.required, timeoutMs: secondsToMs(values.timeout) };
    return command ? { ...common, kind: "command", node: values.node, argv } : { ...common, kind: "http", url };
  });
}

function argvError(argv: string[]): string | undefined {
  if (argv.length === 0) return "Give the program to run and its arguments, one a line.";
  return argv[0]?.startsWith("/") ? undefined : "The first line is the program's absolute path (no shell runs it).";
}

// Polls a thing the console carries out (an action, a drill) until it ends, saying each change of
// its steps on stderr as it happens; fails after `timeoutMs` when given.
import { CliError } from "./exit.ts";
import type { Io } from "./io.ts";

export interface Pace {
  intervalMs: number;
  timeoutMs?: number;
}

interface Stepped {
  status: string;
  steps: { name: string; status: string; detail: string | null }[];
}

export async function watchUntil<T>(
  io: Io,
  what: string,
  pace: Pace,
  read: () => Promise<T>,
  view: (thing: T) => Stepped,
  ended: (thing: T) => boolean,
): Promise<T> {
  const started = Date.now();
  const said = new Map<string, string>();
  for (;;) {
    const thing = await read();
    const { status, steps } = view(thing);
    for (const step of steps) {
      const line = `${step.status}${step.detail ? ` — ${step.detail}` : ""}`;
      if (said.get(step.name) !== line && step.status !== "PENDING") {
        said.set(step.name, line);
        if (!io.json) io.err(`  ${step.name}: ${line}`);
      }
    }
    if (ended(thing)) return thing;
    if (pace.timeoutMs !== undefined && Date.now() - started > pace.timeoutMs) {
      throw new CliError(`${what} is still ${status} after ${Math.round(pace.timeoutMs / 1000)} s; stopped watching.`);
    }
    await io.wait(pace.intervalMs);
  }
}

// Where a command writes and reads: stdout for results (a table, or JSON with --json), stderr for
// progress and errors, stdin for a typed confirmation. Tests and main.ts pass their own.
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";

export interface Io {
  json: boolean;
  out(text: string): void;
  err(text: string): void;
  /** One line typed by the user after `prompt`; null when the input ends first. */
  ask(prompt: string): Promise<string | null>;
  /** Pauses between two polls. */
  wait(ms: number): Promise<void>;
}

export function processIo(json: boolean, stdin: Readable, stdout: Writable, stderr: Writable): Io {
  return {
    json,
    out: (text) => stdout.write(`${text}\n`),
    err: (text) => stderr.write(`${text}\n`),
    ask: (prompt) =>
      new Promise((resolve) => {
        const lines = createInterface({ input: stdin, output: stderr, terminal: false });
        let answered = false;
        stderr.write(prompt);
        lines.once("line", (line) => {
          answered = true;
          // A terminal echoes the typed line and its Enter; piped input is not echoed.
          if (!(stdin as { isTTY?: boolean }).isTTY) stderr.write("\n");
          lines.close();
          resolve(line.trim());
        });
        lines.once("close", () => answered || resolve(null));
      }),
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}

/** The answer as JSON with --json, else as the text `human` makes of it. */
export function show<T>(io: Io, answer: T, human: (answer: T) => string): void {
  io.out(io.json ? JSON.stringify(answer, null, 2) : human(answer));
}

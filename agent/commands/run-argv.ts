// A program run without a shell, in its own process group, bounded in time: at the deadline the
// whole group is killed, so a script's children do not outlive the hook that started them. Its
// stderr's last bytes are kept for the operator; stdout is not read.
import { spawn } from "node:child_process";
import { StderrTail } from "./stderr-tail.ts";

export type Ran =
  | { kind: "exited"; code: number | null; signal: NodeJS.Signals | null; ms: number; stderr: string }
  | { kind: "timed-out"; ms: number; stderr: string }
  | { kind: "not-started"; error: string };

export function runArgv(argv: string[], env: Record<string, string>, timeoutMs: number): Promise<Ran> {
  const [file, ...args] = argv as [string, ...string[]];
  return new Promise((resolve) => {
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    const tail = new StderrTail();
    const child = spawn(file, args, {
      cwd: "/",
      // Next's types make NODE_ENV required in every environment; a program run here gets only what it is given.
      env: env as NodeJS.ProcessEnv,
      shell: false,
      detached: true,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
    let stderrEnded = false;
    let timedOut = false;
    const finish = (ran: Ran) => {
      clearTimeout(deadline);
      child.stderr?.destroy();
      resolve(ran);
    };
    const settle = () => {
      if (timedOut && exit) finish({ kind: "timed-out", ms: elapsed(), stderr: tail.text() });
      else if (exit && stderrEnded) finish({ kind: "exited", ...exit, ms: elapsed(), stderr: tail.text() });
    };
    const deadline = setTimeout(() => {
      // Exited, but a child it left behind still holds stderr open: the program's own answer stands.
      if (exit) return finish({ kind: "exited", ...exit, ms: elapsed(), stderr: tail.text() });
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    child.stderr?.on("data", (chunk: Buffer) => tail.push(chunk));
    child.stderr?.on("close", () => {
      stderrEnded = true;
      settle();
    });
    child.once("exit", (code, signal) => {
      exit = { code, signal };
      settle();
    });
    child.once("error", (error) => {
      if (child.pid === undefined) finish({ kind: "not-started", error: error.message });
    });
  });
}

function killGroup(pid: number | undefined) {
  if (pid === undefined) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // The group is already gone: nothing is left to stop.
  }
}

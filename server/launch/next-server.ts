// Runs `next start` as a child and tells when it answers.
import { spawn, type ChildProcess } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { nextBin } from "./build-if-stale.ts";

export interface NextServer {
  child: ChildProcess;
  exited: Promise<number>;
  stop(): Promise<void>;
}

export function startNext(
  root: string,
  opts: { port: number; host: string; databaseUrl: string; authSecret: string },
): NextServer {
  const child = spawn(process.execPath, [nextBin(root), "start", "-p", String(opts.port), "-H", opts.host], {
    cwd: root,
    // The IPC channel carries the control loop's pulses (server/health/control-pulse.ts).
    stdio: ["inherit", "inherit", "inherit", "ipc"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: opts.databaseUrl,
      BETTER_AUTH_SECRET: opts.authSecret,
    },
  });
  const exited = new Promise<number>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 0 : 1))),
  );
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const killed = sleep(10_000).then(() => child.kill("SIGKILL"));
    await Promise.race([exited, killed]);
  };
  return { child, exited, stop };
}

/** Resolves once GET /api/health answers at all (200 or 503); rejects if the server exits first. */
export async function waitUntilAnswering(
  server: NextServer,
  url: string,
  signal: AbortSignal,
  timeoutMs = 60_000,
): Promise<void> {
  let exited = false;
  void server.exited.then(() => (exited = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    signal.throwIfAborted();
    if (exited) throw new Error("The Next.js server exited before it answered.");
    try {
      await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await sleep(150);
    }
  }
  throw new Error(`The console did not answer at ${url} within ${timeoutMs} ms.`);
}

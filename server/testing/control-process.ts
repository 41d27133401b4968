// A console control loop in a process of its own (`npm run control`), for tests that pause
// (SIGSTOP), resume or kill it; its output is kept to wait on.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { Db } from "../db/client.ts";
import { TEST_SECRET, waitFor } from "./fleet-harness.ts";

const root = path.resolve(import.meta.dirname, "../..");

export interface ControlProcess {
  id: string;
  child: ChildProcess;
  output(): string;
  /** Resolves once the output has a line matching `pattern`; fails after `timeoutMs`. */
  said(pattern: RegExp, timeoutMs?: number): Promise<void>;
  stop(): void;
}

/** `env` adds to the launch configuration's variables (CONSOLE_WEBHOOK_ALLOWED_NETWORKS, …). */
export function startControlProcess(databaseUrl: string, id: string, env: Record<string, string> = {}): ControlProcess {
  const args = ["--import", "tsx", "--import", "./server/runtime/server-condition.ts", "server/control/main.ts"];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: {
      ...process.env,
      ...env,
      DATABASE_URL: databaseUrl,
      BETTER_AUTH_SECRET: TEST_SECRET,
      CONSOLE_INSTANCE_ID: id,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return {
    id,
    child,
    output: () => output,
    async said(pattern, timeoutMs = 10_000) {
      await waitFor(`${id} to say ${pattern}`, async () => pattern.test(output), timeoutMs);
    },
    stop() {
      // A paused process would keep SIGTERM pending: SIGKILL ends it in any state.
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    },
  };
}

/** The leader lease as stored, by the database's clock. */
export async function storedLease(db: Db) {
  const select = { holder: true, epoch: true, renewedAt: true, expiresAt: true };
  return db.leaderLease.findUniqueOrThrow({ where: { id: 1 }, select });
}

/** Two control processes on one database: `a` leads, `b` stands by. */
export async function leaderPair(
  databaseUrl: string,
  db: Db,
  env: Record<string, string> = {},
): Promise<{ a: ControlProcess; b: ControlProcess }> {
  const a = startControlProcess(databaseUrl, `a-${process.pid}`, env);
  await waitFor("a to lead", async () => (await storedLease(db)).holder === a.id, 20_000);
  const b = startControlProcess(databaseUrl, `b-${process.pid}`, env);
  await b.said(/standing by/, 20_000);
  return { a, b };
}

/**
 * Waits until `to` holds the lease `from` held, watching the stored row meanwhile; returns the
 * time from `from`'s last renewal as stored to the takeover, both by the database's clock.
 */
export async function takeover(db: Db, from: string, to: string, timeoutMs = 15_000) {
  let last = await storedLease(db);
  const taken = await waitFor(
    `${to} to take the lease over from ${from}`,
    async () => {
      const lease = await storedLease(db);
      if (lease.holder === from) last = lease;
      return lease.holder === to ? lease : undefined;
    },
    timeoutMs,
    20,
  );
  if (last.holder !== from) throw new Error(`${from} did not hold the lease`);
  return { ms: taken.renewedAt.getTime() - last.renewedAt.getTime(), from: last, to: taken };
}

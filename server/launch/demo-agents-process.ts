// Runs the demo fleet's simulated agents as a child process (`npm run agent` on the written
// configuration), stopped with the console.
import { spawn } from "node:child_process";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { Log } from "../../lib/log.ts";

/** Resolves once every agent listens (or the process gave up), so the first polls find them. */
export async function startDemoAgents(root: string, configFile: string, log: Log): Promise<() => Promise<void>> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(root, "agent", "main.ts"), "--config", configFile],
    {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const ready = new Promise<void>((resolve) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("serving ")) resolve();
    });
    child.once("exit", () => resolve());
  });
  child.stderr?.on("data", (chunk: Buffer) => log(`demo agents: ${chunk.toString().trim()}`, { level: "warn" }));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exited.then(() => {
    // Exit code 0 is a clean stop by a signal that reached the whole process group (Ctrl-C).
    if (!stopping && child.exitCode !== 0)
      log(`The demo agents exited (code ${child.exitCode}); the demo fleet's nodes will show as down.`, {
        level: "error",
      });
  });
  let stopping = false;
  await Promise.race([ready, sleep(15_000)]);
  return async () => {
    stopping = true;
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    await Promise.race([exited, sleep(5_000).then(() => child.kill("SIGKILL"))]);
  };
}

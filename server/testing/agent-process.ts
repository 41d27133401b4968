// The simulated agents of a configuration in a process of their own (`npm run agent`), so that
// nothing the test process does (or suffers) pauses them.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { RunningAgents } from "../../agent/start.ts";

const root = path.resolve(import.meta.dirname, "../..");

/** The agents of a configuration (the text of an agent config file) in a process of their own. */
export async function spawnAgents(config: string, urls: Record<string, string>): Promise<RunningAgents> {
  const folder = mkdtempSync(path.join(tmpdir(), "ha-console-agents-"));
  const file = path.join(folder, "agents.yaml");
  writeFileSync(file, config, { mode: 0o600 });
  const args = ["--import", "tsx", "agent/main.ts", "--config", file];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => chunk.toString().includes("serving ") && resolve());
    child.once("exit", (code) => reject(new Error(`the agents exited with ${code}`)));
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    urls,
    async stop() {
      child.kill("SIGTERM");
      await exited;
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

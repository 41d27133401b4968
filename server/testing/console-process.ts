// A console's REST API in a child process on a test's own database (route-server-process.ts), for
// tests that call it over the network as an outside client does.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export interface ConsoleProcess {
  url: string;
  stop(): void;
}

export async function startConsoleProcess(databaseUrl: string): Promise<ConsoleProcess> {
  const args = ["--import", "tsx", "--import", "./server/runtime/server-condition.ts"];
  const child: ChildProcess = spawn(process.execPath, [...args, "server/testing/route-server-process.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once("message", (message) => resolve((message as { url: string }).url));
    child.once("exit", (code) => reject(new Error(`the console process exited with ${code}`)));
  });
  return { url, stop: () => child.kill() };
}

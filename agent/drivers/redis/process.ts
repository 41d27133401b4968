// redis-server as the operating system sees it: its pid from the pid file, whether it runs, and
// whether it is stopped (SIGSTOP): a stopped server still accepts TCP connections, it just never answers.
import { readFile } from "node:fs/promises";

export type ServerProcess = { pid: number; state: "running" | "stopped" } | { pid: null; state: "absent" };

export async function serverProcess(pidFile: string): Promise<ServerProcess> {
  const pid = Number((await readFile(pidFile, "utf8").catch(() => "")).trim());
  if (!Number.isInteger(pid) || pid <= 0) return { pid: null, state: "absent" };
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  // A pid file left by a killed server may name a pid the kernel gave to another program since.
  if (stat === null || !stat.includes("(redis-server)")) return { pid: null, state: "absent" };
  const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
  // Killed but not yet reaped by its parent (a daemon's is init, which takes its time): gone all the same.
  if (state === "Z" || state === "X") return { pid: null, state: "absent" };
  return { pid, state: state === "T" || state === "t" ? "stopped" : "running" };
}

/** Sends `signal` to the server, if it is there; whether it was. */
export function signal(pid: number | null, name: NodeJS.Signals): boolean {
  if (pid === null) return false;
  try {
    process.kill(pid, name);
    return true;
  } catch {
    return false;
  }
}

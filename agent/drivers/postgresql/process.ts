// The postmaster (or any server with a pid file) as the operating system sees it: its pid, whether it runs,
// and whether it is stopped (SIGSTOP): a stalled server still accepts TCP connections.
import { readFile } from "node:fs/promises";
import path from "node:path";

export type PostmasterState = { pid: number; state: "running" | "stopped" } | { pid: null; state: "absent" };

export function postmaster(dataDir: string): Promise<PostmasterState> {
  return pidFileProcess(path.join(dataDir, "postmaster.pid"));
}

/** The process whose pid is the first line of `file` (PostgreSQL's postmaster.pid, MariaDB's pid_file). */
export async function pidFileProcess(file: string): Promise<PostmasterState> {
  const pid = Number((await readFile(file, "utf8").catch(() => "")).split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return { pid: null, state: "absent" };
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  if (stat === null) return { pid: null, state: "absent" };
  // Field 3, after the command in parentheses: T (stopped) or t (traced); Z, a killed child not yet reaped.
  const state = stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3);
  if (state === "Z" || state === "X") return { pid: null, state: "absent" };
  return { pid, state: state === "T" || state === "t" ? "stopped" : "running" };
}

/** The postmaster and every server process it started: a stall stops them all. */
export async function serverProcesses(pid: number): Promise<number[]> {
  const children = await readFile(`/proc/${pid}/task/${pid}/children`, "utf8").catch(() => "");
  return [pid, ...children.split(/\s+/).filter(Boolean).map(Number)];
}

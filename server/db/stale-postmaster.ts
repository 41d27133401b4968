// A console killed with SIGKILL leaves its PostgreSQL running; the next start stops that orphan
// so it does not hold the data folder's lock forever.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function isPostmasterOf(pid: number, pgdata: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").includes(pgdata);
  } catch {
    return false;
  }
}

export async function stopOrphanedPostmaster(pgdata: string, timeoutMs = 30_000): Promise<void> {
  const pidFile = path.join(pgdata, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isPostmasterOf(pid, pgdata)) return;
  process.kill(pid, "SIGINT");
  const deadline = Date.now() + timeoutMs;
  while (alive(pid)) {
    if (Date.now() > deadline)
      throw new Error(`PostgreSQL (pid ${pid}) on ${pgdata} did not stop within ${timeoutMs} ms.`);
    await sleep(100);
  }
}

// HAProxy started for a test from a config of our own, its runtime API on a unix socket in the
// test's folder; stopped by its pid file.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { freePort } from "../server/db/free-port.ts";

export interface Haproxy {
  socket: string;
  stop(): void;
}

export function startHaproxy(dir: string, sections: string[]): Haproxy {
  const socket = path.join(dir, "haproxy.sock");
  const pidfile = path.join(dir, "haproxy.pid");
  const config = path.join(dir, "haproxy.cfg");
  writeFileSync(
    config,
    ["global", `  stats socket ${socket} mode 600 level admin`, `  pidfile ${pidfile}`, ...sections, ""].join("\n"),
  );
  execFileSync("haproxy", ["-f", config, "-D"]);
  return { socket, stop: () => execFileSync("sh", ["-c", `kill $(cat ${pidfile}) 2>/dev/null || true`]) };
}

/**
 * HAProxy in front of a replicated pair, clients writing to `port`: the agents decide who takes
 * writes, so no health checks, and the standby starts in maintenance.
 */
export async function startWriteBackend(
  dir: string,
  backend: string,
  [primary, standby]: [{ name: string; port: number }, { name: string; port: number }],
): Promise<Haproxy & { port: number }> {
  const port = await freePort();
  const haproxy = startHaproxy(dir, [
    "defaults",
    "  mode tcp",
    "  timeout connect 500ms",
    "  timeout client 60s",
    "  timeout server 60s",
    `frontend ${backend}`,
    `  bind 127.0.0.1:${port}`,
    `  default_backend ${backend}`,
    `backend ${backend}`,
    `  server ${primary.name} 127.0.0.1:${primary.port}`,
    `  server ${standby.name} 127.0.0.1:${standby.port} disabled`,
  ]);
  return { ...haproxy, port };
}

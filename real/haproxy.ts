// HAProxy started for a test from a config of our own, its runtime API on a unix socket in the
// test's folder; stopped by its pid file. The write backend a replicated pair sits behind.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";

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
 * A TCP frontend on `port` and its write backend, the primary ready and the replica in maintenance:
 * no health checks, the console decides who takes writes.
 */
export function writeBackendSections(
  name: string,
  port: number,
  [primary, replica]: { name: string; port: number }[],
): string[] {
  return [
    "defaults",
    "  mode tcp",
    "  timeout connect 500ms",
    "  timeout client 60s",
    "  timeout server 60s",
    `frontend ${name}`,
    `  bind 127.0.0.1:${port}`,
    `  default_backend ${name}`,
    `backend ${name}`,
    `  server ${primary!.name} 127.0.0.1:${primary!.port}`,
    `  server ${replica!.name} 127.0.0.1:${replica!.port} disabled`,
  ];
}

// HAProxy started for a test from a config of our own, its runtime API on a unix socket in the
// test's folder; stopped by its pid file.
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

// The first two layers of a database node's status: its port answers a TCP connect, and its
// server process runs (not stopped by SIGSTOP, not gone: a certain death the console acts on at once).
import type { AgentStatus } from "../protocol.ts";

type Check = NonNullable<AgentStatus["checks"]>[number];

export function serverChecks(
  tcp: { ok: boolean; latencyMs: number; error?: string },
  server: { pid: number | null; state: "running" | "stopped" | "absent" },
  program: string,
  absent: string,
): Check[] {
  return [
    {
      layer: "network",
      name: "tcp",
      ok: tcp.ok,
      latencyMs: tcp.latencyMs,
      ...(tcp.error ? { detail: tcp.error } : {}),
    },
    {
      layer: "process",
      name: program,
      ok: server.state === "running",
      ...(server.state === "stopped" ? { detail: `${program} ${server.pid} is stopped (SIGSTOP)` } : {}),
      ...(server.state === "absent" ? { detail: absent, gone: true } : {}),
    },
  ];
}

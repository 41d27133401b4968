// The checks every database driver makes alike: a TCP connect to its server (network layer), the
// server's process from its pid file (process layer), and a TCP connect to each peer (the peers view);
// and the status document they go into.
import type { AgentStatus } from "../protocol.ts";
import type { NodeIdentity } from "./driver.ts";
import type { PostmasterState } from "./postgresql/process.ts";
import { tcpCheck } from "./postgresql/tcp.ts";

type Check = NonNullable<AgentStatus["checks"]>[number];

export function networkCheck(tcp: Awaited<ReturnType<typeof tcpCheck>>): Check {
  return {
    layer: "network",
    name: "tcp",
    ok: tcp.ok,
    latencyMs: tcp.latencyMs,
    ...(tcp.error ? { detail: tcp.error } : {}),
  };
}

/** Running, stopped (SIGSTOP: it still accepts TCP connections), or gone: a certain death (`gone`). */
export function processCheck(name: string, server: PostmasterState, absent: string): Check {
  return {
    layer: "process",
    name,
    ok: server.state === "running",
    ...(server.state === "stopped" ? { detail: `${name} ${server.pid} is stopped (SIGSTOP)` } : {}),
    ...(server.state === "absent" ? { detail: absent, gone: true } : {}),
  };
}

export async function peersView(
  peers: { name: string; host: string; port: number }[],
  timeoutMs: number,
): Promise<NonNullable<AgentStatus["peers"]>> {
  return Promise.all(
    peers.map(async (peer) => {
      const tcp = await tcpCheck(peer.host, peer.port, timeoutMs);
      return tcp.ok
        ? { node: peer.name, reachable: true, latencyMs: tcp.latencyMs }
        : { node: peer.name, reachable: false, ...(tcp.refused ? { refused: true } : {}) };
    }),
  );
}

/** A database node's status document: who says it and when, its role, and healthy when every check passes. */
export function statusDocument(
  identity: NodeIdentity,
  role: AgentStatus["role"],
  checks: Check[],
): AgentStatus & { checks: Check[] } {
  return {
    agent: { id: identity.agentId, version: "1.0.0" },
    node: { name: identity.name, region: identity.region, zone: identity.zone },
    observedAt: new Date().toISOString(),
    role,
    healthy: checks.every((c) => c.ok),
    checks,
  };
}

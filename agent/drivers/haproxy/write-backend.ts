// The write backend of HAProxy: exactly one server ready (the primary), the others in
// maintenance, so no write can reach an old primary through the load balancer.
import type { AgentAction } from "../../protocol.ts";
import type { ActionOutcome } from "../driver.ts";
import { runtimeChange, showStat } from "./runtime-api.ts";
import type { HaproxyServer } from "./server-traffic.ts";

export async function onlyWriter(socket: string, backend: string, server: string): Promise<void> {
  const servers = (await showStat(socket)).filter((s) => s.backend === backend);
  if (!servers.some((s) => s.server === server)) throw new Error(`HAProxy backend ${backend} has no server ${server}`);
  // The new writer goes in before the others go out: no moment with two, none without a primary beyond this.
  await runtimeChange(socket, `set server ${backend}/${server} state ready`);
  for (const other of servers.filter((s) => s.server !== server))
    await runtimeChange(socket, `set server ${backend}/${other.server} state maint`);
  await runtimeCommandShutdown(
    socket,
    backend,
    servers.filter((s) => s.server !== server).map((s) => s.server),
  );
}

export async function outOfRotation(socket: string, backend: string, server: string): Promise<void> {
  await runtimeChange(socket, `set server ${backend}/${server} state maint`);
  await runtimeCommandShutdown(socket, backend, [server]);
}

/** Sessions already open to a server out of rotation are cut, or they would keep writing to it. */
async function runtimeCommandShutdown(socket: string, backend: string, servers: string[]): Promise<void> {
  for (const server of servers) await runtimeChange(socket, `shutdown sessions server ${backend}/${server}`);
}

/**
 * fence/unfence naming another node: that peer out of the write backend, how a failover fences a
 * primary lost along with its agent. The outcome; null when the action is about this node.
 */
export async function fencePeer(
  action: Extract<AgentAction, { type: "fence" | "unfence" }>,
  self: string,
  lb: HaproxyServer | null,
  peers: { name: string; haproxyServer?: string }[],
): Promise<ActionOutcome | null> {
  const { node } = action.params;
  if (node === undefined || node === self) return null;
  // Fencing a peer that cannot be reached: take it out of the write path at the load balancer.
  const server = peers.find((p) => p.name === node)?.haproxyServer ?? node;
  if (!lb) return { status: "unsupported", detail: "no HAProxy configured to fence a peer at" };
  if (action.type === "unfence")
    return { status: "unsupported", detail: "a peer comes back into rotation when it is promoted" };
  await outOfRotation(lb.socket, lb.backend, server);
  return { status: "done", detail: `${node} taken out of HAProxy ${lb.backend}` };
}

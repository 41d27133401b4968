// The write backend of HAProxy: exactly one server ready (the primary), the others in
// maintenance, so no write can reach an old primary through the load balancer.
import { runtimeChange, showStat } from "./runtime-api.ts";

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

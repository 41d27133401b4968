// Starts every node of a configuration in this process, each on its own port.
import type { Server } from "node:http";
import { type Log, withFields } from "../lib/log.ts";
import type { AgentConfig } from "./config.ts";
import { HttpNode } from "./drivers/http/node.ts";
import { MariadbNode } from "./drivers/mariadb/node.ts";
import { PostgresNode } from "./drivers/postgresql/node.ts";
import { RedisNode } from "./drivers/redis/node.ts";
import { SimulatedNode } from "./drivers/simulated/node.ts";
import { SimulatedWorld } from "./drivers/simulated/world.ts";
import { startNotifying } from "./notify.ts";
import { startPushing } from "./push.ts";
import { createAgentServer } from "./server.ts";

export interface RunningAgents {
  urls: Record<string, string>;
  stop(): Promise<void>;
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

/** `now` is the simulated nodes' clock: tests move it instead of sleeping. */
export async function startAgents(
  config: AgentConfig,
  log: Log = (line) => console.log(line),
  now: () => number = Date.now,
): Promise<RunningAgents> {
  const world = new SimulatedWorld();
  const servers: Server[] = [];
  const stops: (() => void)[] = [];
  const urls: Record<string, string> = {};
  const stop = async () => {
    for (const stopPushing of stops) stopPushing();
    await Promise.all(
      servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()).closeAllConnections())),
    );
  };
  try {
    for (const node of config.nodes) {
      const identity = { agentId: node.id ?? node.name, name: node.name, region: node.region, zone: node.zone };
      const driver =
        node.driver === "simulated"
          ? new SimulatedNode(
              identity,
              node.simulated,
              world.cluster(node.simulated.cluster, node.simulated.clusterRequestsPerSec),
              now,
            )
          : node.driver === "postgresql"
            ? new PostgresNode(identity, node.postgresql)
            : node.driver === "mariadb"
              ? new MariadbNode(identity, node.mariadb)
              : node.driver === "redis"
                ? new RedisNode(identity, node.redis)
                : new HttpNode(identity, node.http);
      const server = createAgentServer(node.token, driver, { commands: node.commands, pgbouncer: node.pgbouncer });
      servers.push(server);
      await listen(server, node.listen.host, node.listen.port);
      urls[node.name] = `http://${node.listen.host}:${node.listen.port}`;
      const nodeLog = withFields(log, { node: node.name });
      if (node.push) stops.push(startPushing({ ...node.push, token: node.token, driver, log: nodeLog }));
      if (node.notify) stops.push(startNotifying({ ...node.notify, token: node.token, driver, log: nodeLog }));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { urls, stop };
}

// The simulated agents behind the demo fleet: gives each demo node a token if it has none and
// writes the agents' configuration (tokens included) to a YAML file, so a user sees how an agent
// is configured and can poke one with curl.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import type { NodeConfig } from "../../agent/config.ts";
import { agentTokenFor, hashAgentToken } from "../agents/tokens.ts";
import type { Db } from "../db/client.ts";
import { demoFleet } from "./demo-fleet.ts";

type YamlNode = Omit<NodeConfig, "listen" | "simulated"> & { listen: string; simulated: Record<string, unknown> };

export async function writeDemoAgentsConfig(db: Db, secret: string, file: string): Promise<number> {
  const clusters = await db.cluster.findMany({
    where: { name: { in: demoFleet.map((c) => c.name) } },
    orderBy: { name: "asc" },
    select: {
      name: true,
      system: true,
      mode: true,
      nodes: {
        orderBy: { name: "asc" },
        select: {
          id: true,
          name: true,
          region: true,
          zone: true,
          role: true,
          agentUrl: true,
          agentTokenCreatedAt: true,
          upstreamName: true,
          replicationMode: true,
          weight: true,
        },
      },
    },
  });
  const seeds = new Map(demoFleet.flatMap((c) => c.nodes.map((n) => [n.name, n])));
  const nodes: YamlNode[] = [];
  for (const cluster of clusters) {
    for (const node of cluster.nodes) {
      const url = node.agentUrl ? new URL(node.agentUrl) : null;
      if (url?.hostname !== "127.0.0.1") continue;
      let createdAt = node.agentTokenCreatedAt;
      if (!createdAt) {
        createdAt = new Date();
        const hash = hashAgentToken(agentTokenFor(secret, node.id, createdAt));
        await db.node.update({
          where: { id: node.id },
          data: { agentTokenCreatedAt: createdAt, agentTokenHash: hash },
        });
      }
      const seedRole = seeds.get(node.name)?.role;
      const role = (node.role === "UNKNOWN" ? (seedRole ?? "STANDBY") : node.role).toLowerCase();
      nodes.push({
        name: node.name,
        listen: `127.0.0.1:${url.port}`,
        token: agentTokenFor(secret, node.id, createdAt),
        region: node.region,
        zone: node.zone,
        driver: "simulated",
        simulated: {
          cluster: cluster.name,
          system: cluster.system,
          role: cluster.mode === "ACTIVE_ACTIVE" ? "active" : role === "primary" ? "primary" : "standby",
          ...(node.upstreamName ? { upstream: node.upstreamName } : {}),
          ...(node.replicationMode ? { replicationMode: node.replicationMode.toLowerCase() } : {}),
          ...(cluster.mode === "ACTIVE_ACTIVE"
            ? { weight: node.weight, clusterRequestsPerSec: 1200, maxRequestsPerSec: 600 }
            : {}),
        },
      });
    }
  }
  const header = [
    "# Simulated agents for the demo fleet, written by `npm start` at each start (tokens included).",
    "# Run them by hand with: npm run agent -- --config <this file>",
    "# Poke one:  curl -H 'Authorization: Bearer <token>' http://127.0.0.1:<port>/v1/status",
    "",
  ].join("\n");
  // With DATABASE_URL set no embedded database has made the data folder; the file holds tokens.
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, header + stringify({ nodes }), { mode: 0o600 });
  return nodes.length;
}

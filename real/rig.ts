// The whole real setup in one place: a replicated pair behind HAProxy (any system.ts pair), an
// agent per node with that system's driver, the console's store and its control loop with the
// automatic policy and the default detection settings (interval 1 s, threshold 3, timeout 1 s).
import { CONTROL_DEFAULTS } from "../server/control/options.ts";
import { startControl, type Control } from "../server/control/control.ts";
import { agentTokenFor, hashAgentToken } from "../server/agents/tokens.ts";
import { createDb, type Db } from "../server/db/client.ts";
import { freePort } from "../server/db/free-port.ts";
import { migrate } from "../server/db/migrate.ts";
import { startReportServer } from "../server/testing/report-server.ts";
import { failedAppChecks } from "../server/fleet/status-figures.ts";
import { networks } from "../server/alerts/egress/networks.ts";
import { parseConfig } from "../agent/config.ts";
import { startAgents, type RunningAgents } from "../agent/start.ts";
import { startPair as startPostgresPair } from "./postgres-pair.ts";
import type { RealPair, StartPair } from "./system.ts";

const SECRET = "real-rig-secret-at-least-32-characters!";
export const DETECTION = { intervalMs: 1000, timeoutMs: 1000, failureThreshold: 3 };

export interface Rig {
  pair: RealPair;
  db: Db;
  cluster: string;
  clusterId: string;
  agents: Record<string, RunningAgents>;
  control: Control;
  stop(): Promise<void>;
}

/** A rig for one piece of work, torn down after it: how `npm run drill:real` runs each row. */
export type WithRig = <T>(sync: boolean, work: (rig: Rig) => Promise<T>, startPair?: StartPair) => Promise<T>;

export async function startRig(opts: {
  sync: boolean;
  databaseUrl: string;
  cluster: string;
  /** The system under test: PostgreSQL unless said. */
  startPair?: StartPair;
  log?: (line: string) => void;
}): Promise<Rig> {
  const pair = await (opts.startPair ?? startPostgresPair)({ sync: opts.sync });
  await migrate(opts.databaseUrl);
  const db = createDb(opts.databaseUrl);
  const ports = [await freePort(), await freePort()];
  const createdAt = new Date();
  const [primary, standby] = pair.nodes;
  const created = await db.cluster.create({
    data: {
      name: opts.cluster,
      mode: "ACTIVE_PASSIVE",
      system: pair.system,
      managedBy: pair.managedBy,
      ...DETECTION,
      policy: "AUTOMATIC",
      cooldownMs: 0,
      rpoBudgetBytes: 64n * 1024n * 1024n,
      rpoBudgetSeconds: 30,
      rtoTargetMs: 5_000,
      nodes: {
        create: pair.nodes.map((node, i) => ({
          name: node.name,
          region: "local",
          zone: `local-${i + 1}`,
          role: i === 0 ? "PRIMARY" : "STANDBY",
          replicationMode: i === 0 ? null : opts.sync ? "SYNC" : "ASYNC",
          agentUrl: `http://127.0.0.1:${ports[i]}`,
          agentTokenCreatedAt: createdAt,
        })),
      },
    },
    select: { id: true, nodes: { select: { id: true, name: true } } },
  });
  // Agents tell the console at once when their server goes, through the report endpoint.
  const reports = await startReportServer(() => db);
  const agents: Record<string, RunningAgents> = {};
  for (const [i, node] of pair.nodes.entries()) {
    const id = created.nodes.find((n) => n.name === node.name)!.id;
    const token = agentTokenFor(SECRET, id, createdAt);
    await db.node.update({ where: { id }, data: { agentTokenHash: hashAgentToken(token) } });
    const other = pair.nodes[1 - i]!;
    const config = parseConfig(
      JSON.stringify({
        nodes: [
          {
            name: node.name,
            listen: `127.0.0.1:${ports[i]}`,
            token,
            region: "local",
            notify: { url: reports.url },
            ...pair.agentDriver(i as 0 | 1, other),
          },
        ],
      }),
    );
    agents[node.name] = await startAgents(config, () => undefined);
  }
  const control = startControl({
    ...CONTROL_DEFAULTS,
    databaseUrl: opts.databaseUrl,
    instanceId: `real-${opts.cluster}`,
    tokenFor: (nodeId, at) => agentTokenFor(SECRET, nodeId, at),
    log: opts.log ?? (() => undefined),
    // The rig's own receivers of http hooks listen on 127.0.0.1.
    webhookNetworks: { allowed: networks("127.0.0.0/8"), denied: [] },
  });
  const healthy = Date.now() + 20_000;
  // Healthy and answering SQL: a drill's pre-check wants both.
  const ready = async () => {
    const nodes = await db.node.findMany({
      where: { clusterId: created.id },
      select: { state: true, lastStatus: true },
    });
    return nodes.filter((n) => n.state === "HEALTHY" && failedAppChecks(n.lastStatus).length === 0).length;
  };
  while ((await ready()) < 2) {
    if (Date.now() > healthy) throw new Error(`${primary.name} and ${standby.name} did not both turn healthy`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    pair,
    db,
    cluster: opts.cluster,
    clusterId: created.id,
    agents,
    control,
    async stop() {
      await control.stop();
      for (const running of Object.values(agents)) await running.stop().catch(() => undefined);
      await reports.stop();
      await db.$disconnect();
      await pair.stop();
    },
  };
}

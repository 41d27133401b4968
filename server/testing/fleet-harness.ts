// A small real fleet for integration tests: a database of its own, simulated agents listening on
// 127.0.0.1, and helpers that act on agents over HTTP and wait on what the console stored.
import { setTimeout as sleep } from "node:timers/promises";
import { parseConfig } from "../../agent/config.ts";
import { startAgents, type RunningAgents } from "../../agent/start.ts";
import { agentTokenFor, hashAgentToken } from "../agents/tokens.ts";
import { createDb, type Db } from "../db/client.ts";
import { freePort } from "../db/free-port.ts";
import { migrate } from "../db/migrate.ts";
import { CONTROL_DEFAULTS, type ControlOptions } from "../control/options.ts";
import { freshDatabaseUrl, uniqueName } from "./databases.ts";
import { spawnAgents } from "./agent-process.ts";

export const TEST_SECRET = "fleet-harness-secret-at-least-32-characters";

export interface HarnessNode {
  name: string;
  role: "primary" | "standby" | "active";
  region?: string;
  upstream?: string;
  /** Push-only: the agent pushes its status here and the console never polls it. */
  pushTo?: string;
  /** Polled, and tells the console here at once when its process goes or comes back. */
  notifyTo?: string;
  /** The programs its agent may run for command hooks (its `commands.allow`). */
  commands?: string[];
}

export interface Fleet {
  databaseUrl: string;
  db: Db;
  cluster: string;
  clusterId: string;
  agents: RunningAgents;
  tokens: Record<string, string>;
  act(node: string, type: string, params?: Record<string, unknown>): Promise<{ status: string; detail?: string }>;
  controlOptions(overrides?: Partial<ControlOptions>): ControlOptions;
  stop(): Promise<void>;
}

export async function startFleet(opts: {
  nodes: HarnessNode[];
  settings: { intervalMs: number; timeoutMs: number; failureThreshold: number };
  databaseUrl?: string;
  /** Run the agents in a process of their own (not paused, slowed or stopped with the test's). */
  agentProcess?: boolean;
}): Promise<Fleet> {
  const databaseUrl = opts.databaseUrl ?? (await freshDatabaseUrl());
  await migrate(databaseUrl);
  const db = createDb(databaseUrl);
  const cluster = uniqueName("fleet");
  const activeActive = opts.nodes.every((n) => n.role === "active");
  const ports = await Promise.all(opts.nodes.map(() => freePort()));
  const createdAt = new Date();
  const created = await db.cluster.create({
    data: {
      name: cluster,
      mode: activeActive ? "ACTIVE_ACTIVE" : "ACTIVE_PASSIVE",
      system: activeActive ? "http" : "postgresql",
      ...opts.settings,
      rpoBudgetBytes: 64n * 1024n * 1024n,
      rpoBudgetSeconds: 30,
      nodes: {
        create: opts.nodes.map((node, i) => ({
          name: node.name,
          region: node.region ?? "eu-west",
          zone: `${node.region ?? "eu-west"}-1a`,
          agentUrl: node.pushTo ? null : `http://127.0.0.1:${ports[i]}`,
          agentTokenCreatedAt: createdAt,
        })),
      },
    },
    select: { id: true, nodes: { select: { id: true, name: true } } },
  });
  const tokens: Record<string, string> = {};
  for (const node of created.nodes) {
    const token = agentTokenFor(TEST_SECRET, node.id, createdAt);
    tokens[node.name] = token;
    await db.node.update({ where: { id: node.id }, data: { agentTokenHash: hashAgentToken(token) } });
  }
  const configText = JSON.stringify({
    nodes: opts.nodes.map((node, i) => ({
      name: node.name,
      listen: `127.0.0.1:${ports[i]}`,
      token: tokens[node.name],
      region: node.region ?? "eu-west",
      driver: "simulated",
      simulated: { cluster, role: node.role, upstream: node.upstream, system: activeActive ? "http" : "postgresql" },
      ...(node.pushTo ? { push: { url: node.pushTo, intervalMs: opts.settings.intervalMs } } : {}),
      ...(node.notifyTo ? { notify: { url: node.notifyTo, watchMs: 50 } } : {}),
      ...(node.commands ? { commands: { allow: node.commands } } : {}),
    })),
  });
  const urls = Object.fromEntries(opts.nodes.map((node, i) => [node.name, `http://127.0.0.1:${ports[i]}`]));
  const agents = opts.agentProcess
    ? await spawnAgents(configText, urls)
    : await startAgents(parseConfig(configText), () => undefined);
  let seq = 0;
  return {
    databaseUrl,
    db,
    cluster,
    clusterId: created.id,
    agents,
    tokens,
    async act(node, type, params = {}) {
      const response = await fetch(`${agents.urls[node]}/v1/actions`, {
        method: "POST",
        headers: { authorization: `Bearer ${tokens[node]}`, "content-type": "application/json" },
        body: JSON.stringify({ id: `test-${Date.now()}-${seq++}`, type, params }),
      });
      return (await response.json()) as { status: string; detail?: string };
    },
    controlOptions(overrides = {}) {
      return {
        ...CONTROL_DEFAULTS,
        databaseUrl,
        instanceId: uniqueName("control"),
        tokenFor: (nodeId, at) => agentTokenFor(TEST_SECRET, nodeId, at),
        log: () => undefined,
        leaderCheckMs: 200,
        flushEveryMs: 50,
        ...overrides,
      };
    },
    async stop() {
      await agents.stop();
      await db.$disconnect();
    },
  };
}

/** Polls `probe` until it returns a value (not undefined/false), or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false | null>,
  timeoutMs = 10_000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined && value !== false && value !== null) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await sleep(everyMs);
  }
}

export function eventsOf(db: Db, clusterId: string, type?: string) {
  return db.event.findMany({
    where: { clusterId, ...(type ? { type } : {}) },
    orderBy: { at: "asc" },
    select: { at: true, type: true, summary: true, details: true, node: { select: { name: true } } },
  });
}

// Poller capacity: how many agents one control loop polls at a 1 s interval before its rounds
// slip. Simulated agents run in a separate process (as on a real network, they do not share the
// poller's event loop); the control loop, its PostgreSQL and the agents share this machine.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { stringify } from "yaml";
import { agentTokenFor } from "../server/agents/tokens.ts";
import { startControl } from "../server/control/control.ts";
import { CONTROL_DEFAULTS } from "../server/control/options.ts";
import { migrate } from "../server/db/migrate.ts";
import type { EmbeddedPostgres } from "../server/db/embedded-postgres.ts";
import type { Figure } from "./figure.ts";

export const SECRET = "bench-secret-at-least-32-characters-long";
const CLUSTER_SIZE = 50;
const WARMUP_MS = 5_000;
const MEASURE_MS = 20_000;

export interface CapacityRun {
  agents: number;
  rounds: number;
  slipped: number;
  maxLateMs: number;
  completeness: number;
  failedPolls: number;
  ok: boolean;
}

export async function database(postgres: EmbeddedPostgres, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = postgres.url.replace(/\/[^/]*$/, `/${name}`);
  await migrate(url);
  return url;
}

export async function seed(url: string, agents: number, basePort: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const createdAt = new Date();
  const nodes: Record<string, unknown>[] = [];
  for (let c = 0; c * CLUSTER_SIZE < agents; c++) {
    const clusterId = `bench-c${c}`;
    await client.query(
      `INSERT INTO cluster (id, name, mode, system, "intervalMs", "timeoutMs", "failureThreshold", "updatedAt")
       VALUES ($1, $1, 'ACTIVE_ACTIVE', 'http', 1000, 800, 3, now())`,
      [clusterId],
    );
    for (let i = c * CLUSTER_SIZE; i < Math.min(agents, (c + 1) * CLUSTER_SIZE); i++) {
      const id = `bench-n${i}`;
      const port = basePort + i;
      await client.query(
        `INSERT INTO node (id, "clusterId", name, region, zone, "agentUrl", "agentTokenCreatedAt", "updatedAt")
         VALUES ($1, $2, $1, 'r', 'z', $3, $4, now())`,
        [id, clusterId, `http://127.0.0.1:${port}`, createdAt],
      );
      nodes.push({
        name: id,
        listen: `127.0.0.1:${port}`,
        token: agentTokenFor(SECRET, id, createdAt),
        driver: "simulated",
        simulated: { cluster: clusterId, role: "active", system: "http" },
      });
    }
  }
  await client.end();
  return { nodes };
}

export async function measureCapacity(postgres: EmbeddedPostgres, agents: number, root: string): Promise<CapacityRun> {
  const url = await database(postgres, `bench_poll_${agents}`);
  const folder = mkdtempSync(path.join(tmpdir(), "ha-console-bench-"));
  const configFile = path.join(folder, "agents.yaml");
  writeFileSync(configFile, stringify(await seed(url, agents, 30_000)));
  const child = await spawnAgents(root, configFile);
  const control = startControl({
    ...CONTROL_DEFAULTS,
    databaseUrl: url,
    instanceId: "bench",
    tokenFor: (nodeId, at) => agentTokenFor(SECRET, nodeId, at),
    log: () => undefined,
  });
  try {
    while (control.mode() !== "leader") await sleep(100);
    await sleep(WARMUP_MS);
    const before = control.poller.stats();
    const from = new Date();
    await sleep(MEASURE_MS);
    const to = new Date();
    const after = control.poller.stats();
    await sleep(1_000); // let the last batch land
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const counts = await client.query<{ ok: string; failed: string }>(
      `SELECT count(*) FILTER (WHERE reachable) AS ok, count(*) FILTER (WHERE NOT reachable) AS failed
         FROM sample WHERE at >= $1 AND at < $2`,
      [from, to],
    );
    await client.end();
    const expected = (agents * MEASURE_MS) / 1000;
    const completeness = Number(counts.rows[0]?.ok ?? 0) / expected;
    const failedPolls = Number(counts.rows[0]?.failed ?? 0);
    const slipped = after.slipped - before.slipped;
    return {
      agents,
      rounds: after.ticks - before.ticks,
      slipped,
      maxLateMs: after.maxLateMs,
      completeness,
      failedPolls,
      ok: slipped === 0 && failedPolls === 0 && completeness >= 0.98,
    };
  } finally {
    await control.stop();
    child.kill("SIGTERM");
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The simulated agents of a configuration in a process of their own, once they all listen. */
export async function spawnAgents(root: string, configFile: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "agent/main.ts", "--config", configFile], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => chunk.toString().includes("serving ") && resolve());
    child.once("exit", (code) => reject(new Error(`agents exited with ${code}`)));
  });
  return child;
}

export function capacityFigure(runs: CapacityRun[], target: number): Figure {
  const best = Math.max(0, ...runs.filter((r) => r.ok).map((r) => r.agents));
  return {
    name: "poller capacity at 1 s interval (agents, no slipped round)",
    value: best,
    unit: "agents",
    target: `>= ${target}`,
    pass: best >= target,
  };
}

// Detection and failover in the simulated fleet with the automatic policy and the default
// detection settings (interval 1 s, threshold 3, timeout 1 s): unattended primary-crash drills,
// one after another on one cluster. Per drill: detection (fault → primary down, confirmed)
// against the configured bound, and confirmed-down → the new primary serving (promoted, traffic
// repointed), and → the console's poller seeing it serve (the action's last step).
import { setTimeout as sleep } from "node:timers/promises";
import { parseConfig } from "../agent/config.ts";
import { startAgents } from "../agent/start.ts";
import { SYSTEM_ACTOR } from "../server/actions/request.ts";
import { agentTokenFor, hashAgentToken } from "../server/agents/tokens.ts";
import { startControl } from "../server/control/control.ts";
import { CONTROL_DEFAULTS } from "../server/control/options.ts";
import { createDb } from "../server/db/client.ts";
import type { EmbeddedPostgres } from "../server/db/embedded-postgres.ts";
import { freePort } from "../server/db/free-port.ts";
import { startDrill } from "../server/drills/request.ts";
import type { Figure } from "./figure.ts";
import { database, SECRET } from "./poller-capacity.ts";

const DRILLS = Number(process.env.BENCH_FAILOVER_DRILLS ?? 12);
const SETTINGS = { intervalMs: 1000, timeoutMs: 1000, failureThreshold: 3 };

const p95 = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * 0.95))] ?? 0;

export async function measureFailover(postgres: EmbeddedPostgres, log: (line: string) => void): Promise<Figure[]> {
  const url = await database(postgres, "bench_failover");
  const db = createDb(url);
  const names = ["f-1", "f-2", "f-3"];
  const ports = await Promise.all(names.map(() => freePort()));
  const createdAt = new Date();
  const cluster = await db.cluster.create({
    data: {
      name: "bench-failover",
      mode: "ACTIVE_PASSIVE",
      system: "postgresql",
      ...SETTINGS,
      policy: "AUTOMATIC",
      cooldownMs: 0,
      rpoBudgetBytes: 64n << 20n,
      rpoBudgetSeconds: 30,
      nodes: {
        create: names.map((name, i) => ({
          name,
          region: "r",
          zone: `z${i}`,
          agentUrl: `http://127.0.0.1:${ports[i]}`,
          agentTokenCreatedAt: createdAt,
        })),
      },
    },
    select: { id: true, nodes: { select: { id: true, name: true } } },
  });
  const tokens: Record<string, string> = {};
  for (const node of cluster.nodes) {
    tokens[node.name] = agentTokenFor(SECRET, node.id, createdAt);
    await db.node.update({ where: { id: node.id }, data: { agentTokenHash: hashAgentToken(tokens[node.name]!) } });
  }
  const agents = await startAgents(
    parseConfig(
      JSON.stringify({
        nodes: names.map((name, i) => ({
          name,
          listen: `127.0.0.1:${ports[i]}`,
          token: tokens[name],
          driver: "simulated",
          simulated: {
            cluster: "bench-failover",
            role: i === 0 ? "primary" : "standby",
            upstream: i === 0 ? undefined : "f-1",
            replicationMode: i === 1 ? "sync" : "async",
          },
        })),
      }),
    ),
    () => undefined,
  );
  const control = startControl({
    ...CONTROL_DEFAULTS,
    databaseUrl: url,
    instanceId: "bench-failover",
    tokenFor: (id, at) => agentTokenFor(SECRET, id, at),
    log: () => undefined,
  });
  const detection: number[] = [];
  const failover: number[] = [];
  const validated: number[] = [];
  const bound = SETTINGS.failureThreshold * SETTINGS.intervalMs + SETTINGS.timeoutMs;
  try {
    while ((await db.node.count({ where: { clusterId: cluster.id, state: "HEALTHY" } })) < 3) await sleep(200);
    for (let run = 0; run < DRILLS; run++) {
      const { id } = await startDrill(
        db,
        SYSTEM_ACTOR,
        "bench-failover",
        { scenario: "primary-crash", reason: "bench", confirm: "bench-failover", stopConditions: {} },
        { unattended: true },
      );
      let drill = await db.drill.findUniqueOrThrow({ where: { id } });
      while (drill.status === "RUNNING") {
        await sleep(200);
        drill = await db.drill.findUniqueOrThrow({ where: { id } });
      }
      const params = drill.params as { primary: string };
      const down = await db.event.findFirst({
        where: { drillId: id, type: { in: ["node.down", "node.confirmed_down"] }, node: { name: params.primary } },
        orderBy: { at: "asc" },
        select: { at: true },
      });
      const action = await db.action.findFirst({
        where: { clusterId: cluster.id, type: "FAILOVER", createdAt: { gte: drill.injectedAt! } },
        select: {
          finishedAt: true,
          status: true,
          steps: { where: { name: { startsWith: "repoint" } }, select: { finishedAt: true } },
        },
      });
      const serving = action?.steps[0]?.finishedAt;
      const m = drill.measurements as { detectionMs: number | null };
      if (drill.verdict !== "PASS" || !down || !action?.finishedAt || !serving || m.detectionMs === null) {
        log(`failover: drill ${run + 1} ended ${drill.verdict}: ${drill.verdictDetail}`);
        continue;
      }
      detection.push(m.detectionMs);
      failover.push(serving.getTime() - down.at.getTime());
      validated.push(action.finishedAt.getTime() - down.at.getTime());
      // Every node healthy again before the next drill, as its pre-checks demand.
      while ((await db.node.count({ where: { clusterId: cluster.id, state: "HEALTHY", fenced: false } })) < 3)
        await sleep(200);
    }
  } finally {
    await control.stop();
    await agents.stop();
    await db.$disconnect();
  }
  const worstDetection = Math.max(...detection);
  const failoverP95 = p95(failover);
  log(
    `failover: ${detection.length}/${DRILLS} drills passed; ` +
      `detection ${detection.join(", ")} ms (bound ${bound} ms); ` +
      `confirmed-down → serving ${failover.join(", ")} ms; ` +
      `→ validated by the poller ${validated.join(", ")} ms`,
  );
  return [
    {
      name: "detection: worst of the primary-crash drills vs the bound (1 s × 3 + 1 s)",
      value: worstDetection,
      unit: "ms",
      target: `≤ ${Math.round(bound * 1.1)} (bound + 10 %)`,
      pass: detection.length > 0 && worstDetection <= bound * 1.1,
    },
    {
      name: "failover: confirmed-down → new primary serving (promoted, repointed), p95",
      value: failoverP95,
      unit: "ms",
      target: "< 1000",
      pass: failover.length > 0 && failoverP95 < 1000,
    },
    {
      name: "failover: confirmed-down → new primary validated by the poller, p95",
      value: p95(validated),
      unit: "ms",
      target: "reported",
      pass: true,
    },
  ];
}

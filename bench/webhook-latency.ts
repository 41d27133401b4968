// Alert latency: a simulated node crashes, the console marks it DOWN, and the signed webhook
// reaches a receiver on 127.0.0.1; measured from the event's time to the arrival, 20 times.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { stringify } from "yaml";
import { networks } from "../server/alerts/egress/networks.ts";
import { agentTokenFor } from "../server/agents/tokens.ts";
import { startControl } from "../server/control/control.ts";
import { CONTROL_DEFAULTS } from "../server/control/options.ts";
import type { EmbeddedPostgres } from "../server/db/embedded-postgres.ts";
import { createDb } from "../server/db/client.ts";
import type { Figure } from "./figure.ts";
import { database, SECRET, seed, spawnAgents } from "./poller-capacity.ts";

const ROUNDS = 20;
const NODES = 10;

export async function measureWebhookLatency(
  postgres: EmbeddedPostgres,
  root: string,
  log: (line: string) => void,
): Promise<Figure[]> {
  const url = await database(postgres, "bench_webhooks");
  const folder = mkdtempSync(path.join(tmpdir(), "ha-console-bench-"));
  const config = await seed(url, NODES, 31_000);
  writeFileSync(path.join(folder, "agents.yaml"), stringify(config));
  const child = await spawnAgents(root, path.join(folder, "agents.yaml"));
  const arrivals = new Map<string, number>();
  const receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const parsed = JSON.parse(body) as { timestamp: string; data: { node: string | null; type: string } };
      arrivals.set(`${parsed.data.node}@${parsed.timestamp}`, Date.now());
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const db = createDb(url);
  await db.webhookEndpoint.create({
    data: {
      url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`,
      events: ["node.down"],
      secret: "whsec_YmVuY2gtc2VjcmV0LWJlbmNoLXNlY3JldA==",
    },
  });
  const control = startControl({
    ...CONTROL_DEFAULTS,
    databaseUrl: url,
    instanceId: "bench",
    tokenFor: (id, at) => agentTokenFor(SECRET, id, at),
    log: () => undefined,
    // The receiver is on loopback, which webhooks may reach only when the operator opens it.
    webhookNetworks: { allowed: networks("127.0.0.0/8"), denied: [] },
  });
  const act = async (node: (typeof config.nodes)[number], type: string, params: Record<string, unknown> = {}) =>
    fetch(`http://${node.listen}/v1/actions`, {
      method: "POST",
      headers: { authorization: `Bearer ${node.token}` },
      body: JSON.stringify({ id: `${type}-${Date.now()}-${Math.random()}`, type, params }),
    });
  const latencies: number[] = [];
  try {
    while ((await db.node.count({ where: { state: "HEALTHY" } })) < NODES) await sleep(200);
    for (let round = 0; round < ROUNDS; round++) {
      const node = config.nodes[round % NODES]!;
      await act(node, "inject-fault", { kind: "crash" });
      let event: { at: Date } | null = null;
      while (!event) {
        event = await db.event.findFirst({
          where: { type: "node.down", node: { name: String(node.name) } },
          orderBy: { at: "desc" },
          select: { at: true },
        });
        if (event && Date.now() - event.at.getTime() > 30_000) event = null;
        await sleep(50);
      }
      const key = `${node.name}@${event.at.toISOString()}`;
      while (!arrivals.has(key)) await sleep(10);
      latencies.push(arrivals.get(key)! - event.at.getTime());
      await act(node, "clear-fault");
      while ((await db.node.count({ where: { name: String(node.name), state: "HEALTHY" } })) === 0) await sleep(100);
      await db.event.deleteMany({ where: { type: "node.down", node: { name: String(node.name) } } });
    }
  } finally {
    await control.stop();
    await db.$disconnect();
    receiver.close();
    child.kill("SIGTERM");
    rmSync(folder, { recursive: true, force: true });
  }
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  log(`webhooks: DOWN → webhook received over ${ROUNDS} crashes: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms`);
  return [
    {
      name: "node DOWN → webhook received p95",
      value: at(0.95),
      unit: "ms",
      target: "< 1000",
      pass: at(0.95) < 1000,
    },
  ];
}

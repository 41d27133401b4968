// `npm run bench`: the benchmark suite. Prints a table and writes bench/results/latest.json.
// BENCH_ONLY=ingest,api,audit,webhooks,failover,page,poller runs some of it.
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setAuditKey } from "../server/audit/key.ts";
import { startScratchPostgres } from "../server/db/scratch-postgres.ts";
import type { Figure } from "./figure.ts";
import { measureApiLatency } from "./api-latency.ts";
import { measureAudit } from "./audit.ts";
import { measureFailover } from "./failover.ts";
import { measureIngest } from "./ingest.ts";
import { measurePageLoad } from "./page-load.ts";
import { capacityFigure, measureCapacity, type CapacityRun } from "./poller-capacity.ts";
import { measureWebhookLatency } from "./webhook-latency.ts";

const root = path.resolve(import.meta.dirname, "..");
const sizes = (process.env.BENCH_POLLER_AGENTS ?? "500,1000,2000,3000").split(",").map(Number);

const only = process.env.BENCH_ONLY?.split(",");
const wanted = (part: string) => !only || only.includes(part);

setAuditKey(randomBytes(32).toString("base64url")); // the scratch stores' audit logs
const postgres = await startScratchPostgres("ha-console-bench-");
const figures: Figure[] = [];
try {
  if (wanted("ingest")) figures.push(...(await measureIngest(postgres, console.log)));
  if (wanted("api")) figures.push(...(await measureApiLatency(postgres, console.log)));
  if (wanted("audit")) figures.push(...(await measureAudit(postgres, console.log)));
  if (wanted("webhooks")) figures.push(...(await measureWebhookLatency(postgres, root, console.log)));
  if (wanted("failover")) figures.push(...(await measureFailover(postgres, console.log)));
  if (wanted("page")) figures.push(...(await measurePageLoad(postgres, root, console.log)));
  const runs: CapacityRun[] = [];
  for (const agents of wanted("poller") ? sizes : []) {
    const run = await measureCapacity(postgres, agents, root);
    runs.push(run);
    console.log(
      `poller: ${agents} agents: ${run.rounds} rounds, ${run.slipped} slipped, timers late ≤ ${run.maxLateMs} ms, ` +
        `${(run.completeness * 100).toFixed(1)} % of polls stored ok, ${run.failedPolls} failed`,
    );
  }
  if (runs.length) figures.push(capacityFigure(runs, 2000));
} finally {
  await postgres.stop();
}

console.table(
  figures.map((f) => ({
    figure: f.name,
    value: `${f.value} ${f.unit}`,
    target: f.target,
    pass: f.pass ? "yes" : "NO",
  })),
);
mkdirSync(path.join(root, "bench", "results"), { recursive: true });
writeFileSync(path.join(root, "bench", "results", "latest.json"), `${JSON.stringify(figures, null, 2)}\n`);

// The console's own PostgreSQL restarts in the middle of polling: the leader keeps polling and
// buffering, /api/health says the database is down, no node is marked down for it, and once the
// database is back the leader takes the lock again and stores what it buffered.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb } from "../db/client.ts";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../db/embedded-postgres.ts";
import { freePort } from "../db/free-port.ts";
import { checkHealth } from "../health/check.ts";
import { eventsOf, startFleet, waitFor, type Fleet } from "../testing/fleet-harness.ts";
import { startControl, type Control } from "./control.ts";

const folder = mkdtempSync(path.join(tmpdir(), "ha-console-restart-"));
let port = 0;
let postgres: EmbeddedPostgres;
let fleet: Fleet;
let control: Control;

beforeAll(async () => {
  port = await freePort();
  postgres = await startEmbeddedPostgres({ root: folder, port });
  fleet = await startFleet({
    databaseUrl: postgres.url,
    settings: { intervalMs: 200, timeoutMs: 150, failureThreshold: 2 },
    nodes: [
      { name: "r-1", role: "primary" },
      { name: "r-2", role: "standby", upstream: "r-1" },
    ],
  });
  control = startControl(fleet.controlOptions());
  await waitFor("the leader", async () => control.mode() === "leader");
}, 60_000);

afterAll(async () => {
  await control?.stop();
  await fleet?.stop();
  await postgres?.stop();
  rmSync(folder, { recursive: true, force: true });
});

it("keeps polling through a database restart and stores what it buffered", async () => {
  await waitFor(
    "healthy nodes",
    async () => (await fleet.db.node.findMany({ where: { state: "HEALTHY" } })).length === 2,
  );
  const web = createDb(postgres.url);

  await postgres.stop();
  const downAt = Date.now();
  await waitFor("the leader to notice", async () => control.mode() === "detached");
  await waitFor("samples buffered while the database is down", async () => control.buffer.pendingSamples >= 20);
  expect(control.poller.running).toBe(true);
  expect(await checkHealth(web)).toMatchObject({ status: "degraded", db: "down" });

  postgres = await startEmbeddedPostgres({ root: folder, port });
  const upAt = Date.now();
  await waitFor("leadership again", async () => control.mode() === "leader", 15_000);
  await waitFor("the buffer stored", async () => control.buffer.pendingSamples < 10);
  expect(await checkHealth(web)).toMatchObject({ status: "ok", db: "ok" });

  const during = await fleet.db.sample.count({
    where: { at: { gt: new Date(downAt + 100), lt: new Date(upAt) }, reachable: true },
  });
  expect(during).toBeGreaterThanOrEqual(10);
  expect(control.buffer.droppedSamples).toBe(0);
  const losses = (await eventsOf(fleet.db, fleet.clusterId)).filter((e) =>
    /^node\.(suspect|down|isolated)$/.test(e.type),
  );
  expect(losses).toEqual([]);
  await web.$disconnect();
}, 60_000);

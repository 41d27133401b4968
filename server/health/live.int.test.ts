// GET /api/health/live over real HTTP, served as under `npm start` (a child process hearing the
// launcher's control loop over IPC): alive while the console's PostgreSQL is stopped, where the
// readiness check says degraded; down once the launcher is gone.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startControl, type Control } from "../control/control.ts";
import { createDb } from "../db/client.ts";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../db/embedded-postgres.ts";
import { freePort } from "../db/free-port.ts";
import { startFleet, waitFor, type Fleet } from "../testing/fleet-harness.ts";
import { checkHealth } from "./check.ts";
import { sendPulses } from "./control-pulse.ts";

const root = path.resolve(import.meta.dirname, "../..");
const folder = mkdtempSync(path.join(tmpdir(), "ha-console-live-"));
let port = 0;
let postgres: EmbeddedPostgres;
let fleet: Fleet;
let control: Control;
let web: ChildProcess;
let liveUrl = "";
let stopPulses: () => void = () => undefined;

beforeAll(async () => {
  port = await freePort();
  postgres = await startEmbeddedPostgres({ root: folder, port });
  fleet = await startFleet({
    databaseUrl: postgres.url,
    settings: { intervalMs: 200, timeoutMs: 150, failureThreshold: 2 },
    nodes: [{ name: "l-1", role: "primary" }],
  });
  control = startControl(fleet.controlOptions());
  const args = [
    "--import",
    "tsx",
    "--import",
    "./server/runtime/server-condition.ts",
    "server/testing/live-route-process.ts",
  ];
  web = spawn(process.execPath, args, { cwd: root, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const webPort = await new Promise<number>((resolve, reject) => {
    web.once("message", (message) => resolve((message as { port: number }).port));
    web.once("exit", (code) => reject(new Error(`the web process exited with ${code}`)));
  });
  liveUrl = `http://127.0.0.1:${webPort}/api/health/live`;
  stopPulses = sendPulses(web, control);
}, 60_000);

afterAll(async () => {
  stopPulses();
  web?.kill();
  await control?.stop();
  await fleet?.stop();
  await postgres?.stop();
  rmSync(folder, { recursive: true, force: true });
});

const live = async () => {
  const answer = await fetch(liveUrl);
  return { status: answer.status, body: (await answer.json()) as { status: string; control: string } };
};

it("answers 200 while the control loop leads, and still while the database is stopped", async () => {
  await waitFor("the leader's pulse", async () => (await live()).body.control === "leader", 15_000);
  expect(await live()).toEqual({ status: 200, body: expect.objectContaining({ status: "ok", control: "leader" }) });

  await postgres.stop();
  await waitFor("the leader to lose its database", async () => control.mode() === "detached");
  await waitFor("the detached pulse", async () => (await live()).body.control === "detached");
  expect((await live()).status).toBe(200);
  const readiness = createDb(postgres.url);
  expect(await checkHealth(readiness)).toMatchObject({ status: "degraded", db: "down" });
  await readiness.$disconnect();

  postgres = await startEmbeddedPostgres({ root: folder, port });
}, 60_000);

it("answers 503 once the launcher that runs the control loop is gone", async () => {
  stopPulses();
  web.disconnect();
  await waitFor("the web process to hear the launcher go", async () => (await live()).status === 503);
  expect((await live()).body).toMatchObject({ status: "down", control: "gone" });
});

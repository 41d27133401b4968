// The agent as one file, as an operator installs it: dist/haops-agent.mjs built, copied alone into an
// empty folder and run there by `node` (no node_modules, no NODE_PATH), serving a simulated node
// over real HTTP; its --version and --check-config answer without starting anything.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import packageJson from "../package.json" with { type: "json" };
import { freePort } from "../server/db/free-port.ts";
import { waitFor } from "../server/testing/fleet-harness.ts";
import { bundleAgent } from "./bundle.ts";
import { statusSchema } from "./protocol.ts";

const TOKEN = "hat_bundle-test-token-0123456789";
const built = mkdtempSync(path.join(tmpdir(), "haops-agent-build-"));
const folder = mkdtempSync(path.join(tmpdir(), "haops-agent-alone-"));
// Nothing of this repository's environment: the program finds pg, yaml and zod inside itself or not at all.
const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: folder, NODE_ENV: "production" as const };
let agent: ChildProcess;
let output = "";
let url = "";

const run = (args: string[]) =>
  promisify(execFile)(process.execPath, ["haops-agent.mjs", ...args], { cwd: folder, env }).then(
    (done) => ({ code: 0, stdout: done.stdout, stderr: done.stderr }),
    (failed: { code: number; stdout: string; stderr: string }) => failed,
  );

beforeAll(async () => {
  const started = Date.now();
  const file = await bundleAgent(path.join(built, "haops-agent.mjs"));
  expect(Date.now() - started).toBeLessThan(15_000);
  copyFileSync(file, path.join(folder, "haops-agent.mjs"));
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  const node = { name: "alone-1", listen: `127.0.0.1:${port}`, token: TOKEN, driver: "simulated" };
  const simulated = { cluster: "alone", role: "primary" };
  // JSON is YAML too.
  const yaml = (nodes: object[]) => JSON.stringify({ nodes }, null, 2);
  writeFileSync(path.join(folder, "agent.yaml"), yaml([{ ...node, simulated, commands: { allow: ["/bin/true"] } }]));
  const wrong = { ...node, listen: "nowhere", token: "short", simulated: { ...simulated, role: "leader" } };
  writeFileSync(path.join(folder, "bad.yaml"), yaml([wrong]));
  agent = spawn(process.execPath, ["haops-agent.mjs", "--config", "agent.yaml", "--log-format", "json"], {
    cwd: folder,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  agent.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  agent.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await waitFor("the bundled agent to serve", async () => output.includes("serving 1 nodes"), 15_000);
}, 60_000);

afterAll(async () => {
  if (agent && agent.exitCode === null) {
    const exited = new Promise((resolve) => agent.once("exit", resolve));
    agent.kill("SIGTERM");
    await exited;
  }
  rmSync(built, { recursive: true, force: true });
  rmSync(folder, { recursive: true, force: true });
});

it("runs from a folder that holds only itself and its configuration", () => {
  expect(readdirSync(folder).sort()).toEqual(["agent.yaml", "bad.yaml", "haops-agent.mjs"]);
});

it("serves the simulated node's status over HTTP with its token, and nothing without it", async () => {
  const answer = await fetch(`${url}/v1/status`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(answer.status).toBe(200);
  const status = statusSchema.parse(await answer.json());
  expect(status).toMatchObject({ node: { name: "alone-1" }, role: "primary", healthy: true });
  expect((await fetch(`${url}/v1/status`)).status).toBe(401);
});

it("runs a command of its allow list, and has no PgBouncer to steer without its section", async () => {
  const act = async (id: string, type: string, params: object) => {
    const answer = await fetch(`${url}/v1/actions`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ id, type, params }),
    });
    return answer.json();
  };
  expect(await act("hook-1", "run-command", { argv: ["/bin/true"], timeoutMs: 5_000 })).toMatchObject({
    status: "done",
  });
  expect(await act("pool-1", "pgbouncer", { op: "pause", database: "app" })).toMatchObject({
    status: "unsupported",
  });
});

it("answers /healthz without a token, saying nothing about the node", async () => {
  const answer = await fetch(`${url}/healthz`);
  expect(answer.status).toBe(200);
  expect(await answer.text()).toBe('{"status":"ok"}');
});

it("logs one JSON object a line with time, level, message, instance and the node", () => {
  const lines = output
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
  expect(lines).toContainEqual(
    expect.objectContaining({ level: "info", message: `agent for alone-1 on ${url}`, node: "alone-1" }),
  );
  for (const line of lines) {
    expect(Number.isNaN(Date.parse(line.time))).toBe(false);
    expect(line.instance).toMatch(/:\d+$/);
  }
});

it("says its version", async () => {
  expect(await run(["--version"])).toMatchObject({ code: 0, stdout: `${packageJson.version}\n` });
});

it("checks a configuration: 0 and the nodes when valid, 2 and every wrong field when not", async () => {
  const good = await run(["--check-config", "agent.yaml"]);
  expect(good).toMatchObject({ code: 0, stdout: "agent.yaml: valid, 1 nodes (alone-1)\n" });
  const bad = await run(["--check-config", "bad.yaml"]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain("bad.yaml: nodes.0.listen: listen must be host:port");
  expect(bad.stderr).toContain("bad.yaml: nodes.0.token: token must be at least 16 characters");
  expect(bad.stderr).toMatch(/bad\.yaml: nodes\.0\.simulated\.role: /);
  const start = await run(["--config", "bad.yaml"]);
  expect(start.code).toBe(2);
  expect(start.stderr).toBe(bad.stderr);
});

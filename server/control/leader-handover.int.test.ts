// Two console instances (separate processes) on one database: one leads, the other stands by
// and takes over within a few seconds when the leader dies.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startFleet, TEST_SECRET, waitFor, type Fleet } from "../testing/fleet-harness.ts";
import { LEADER_KEY } from "./leader-record.ts";

const root = path.resolve(import.meta.dirname, "../..");
let fleet: Fleet;
const children: ChildProcess[] = [];

function startInstance(id: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "server/control/main.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: fleet.databaseUrl, BETTER_AUTH_SECRET: TEST_SECRET, CONSOLE_INSTANCE_ID: id },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

const leader = async () => {
  const setting = await fleet.db.setting.findUnique({ where: { key: LEADER_KEY }, select: { value: true } });
  return (setting?.value as { instanceId?: string } | undefined)?.instanceId;
};

const sampleCount = () => fleet.db.sample.count({ where: { node: { clusterId: fleet.clusterId } } });

beforeAll(async () => {
  fleet = await startFleet({
    settings: { intervalMs: 250, timeoutMs: 200, failureThreshold: 3 },
    nodes: [
      { name: "p-1", role: "primary" },
      { name: "p-2", role: "standby", upstream: "p-1" },
    ],
  });
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await fleet?.stop();
});

it("hands leadership over when the leader dies, and only then", async () => {
  const a = startInstance("instance-a");
  await waitFor("instance-a to lead", async () => (await leader()) === "instance-a", 20_000);
  const b = startInstance("instance-b");
  await waitFor("instance-b to stand by", async () => b.output().includes("standing by"), 20_000);
  expect(await leader()).toBe("instance-a");
  await waitFor("samples from instance-a", async () => (await sampleCount()) > 10);

  const killedAt = Date.now();
  a.child.kill("SIGKILL");
  await waitFor("instance-b to lead", async () => (await leader()) === "instance-b", 10_000);
  const takeoverMs = Date.now() - killedAt;
  console.log(`takeover after ${takeoverMs} ms`);
  expect(takeoverMs).toBeLessThan(5_000);
  // The leader record is written before the log line, so the line may arrive a moment later.
  await waitFor("instance-b to say it leads", async () => /instance-b\) is the leader/.test(b.output()), 2_000);

  const before = await sampleCount();
  await waitFor("samples from instance-b", async () => (await sampleCount()) > before + 10);
  const nodes = await fleet.db.node.findMany({ where: { clusterId: fleet.clusterId }, select: { state: true } });
  expect(nodes.map((n) => n.state)).toEqual(["HEALTHY", "HEALTHY"]);
});

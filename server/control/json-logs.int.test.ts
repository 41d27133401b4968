// CONSOLE_LOG_FORMAT=json: a control loop (`npm run control`, its own process) writes one JSON
// object a line, each with its time, level and instance, and the lines about a cluster name it,
// its node and its action (an automatic failover of a crashed primary).
import { afterAll, beforeAll, expect, it } from "vitest";
import { startControlProcess, type ControlProcess } from "../testing/control-process.ts";
import { startFleet, waitFor, type Fleet } from "../testing/fleet-harness.ts";

let fleet: Fleet;
let control: ControlProcess;

beforeAll(async () => {
  fleet = await startFleet({
    settings: { intervalMs: 300, timeoutMs: 300, failureThreshold: 2 },
    nodes: [
      { name: "j-1", role: "primary" },
      { name: "j-2", role: "standby", upstream: "j-1" },
      { name: "j-3", role: "standby", upstream: "j-1" },
    ],
  });
  await fleet.db.cluster.update({ where: { id: fleet.clusterId }, data: { policy: "AUTOMATIC" } });
  control = startControlProcess(fleet.databaseUrl, `json-${process.pid}`, { CONSOLE_LOG_FORMAT: "json" });
  await control.said(/is the leader/, 20_000);
  await waitFor(
    "healthy fleet",
    async () => (await fleet.db.node.count({ where: { clusterId: fleet.clusterId, state: "HEALTHY" } })) === 3,
    15_000,
  );
}, 60_000);

afterAll(async () => {
  control?.stop();
  await fleet?.stop();
});

/** Complete lines only: the process may be writing the next one. */
const lines = () =>
  control
    .output()
    .split("\n")
    .slice(0, -1)
    .map((line) => JSON.parse(line) as Record<string, string>);

it("writes every line as JSON with time, level, message and instance, and names what a line is about", async () => {
  await fleet.act("j-1", "inject-fault", { kind: "crash" });
  await control.said(/Automatic failover of .* requested/, 20_000);
  for (const line of lines()) {
    expect(new Date(line.time!).toISOString()).toBe(line.time);
    expect(["info", "warn", "error"]).toContain(line.level);
    expect(line.instance).toBe(control.id);
    expect(typeof line.message).toBe("string");
  }
  expect(lines()).toContainEqual(
    expect.objectContaining({ level: "info", message: expect.stringMatching(/is the leader/) }),
  );
  const requested = lines().find((line) => /^Automatic failover of .* requested/.test(line.message!));
  expect(requested).toMatchObject({ cluster: fleet.cluster, node: expect.stringMatching(/^j-[23]$/) });
  const action = await fleet.db.action.findFirstOrThrow({ where: { clusterId: fleet.clusterId, automatic: true } });
  expect(requested?.action).toBe(action.id);
}, 30_000);

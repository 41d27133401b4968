// The failover of the failover: a switchover whose leader is paused (SIGSTOP) between the demote
// and the promote. Two console control processes and the simulated agents each in a process of
// their own. The other instance takes over within the lease and finishes the action; the paused
// one, resumed, commits nothing, and every step ran exactly once.
import { afterAll, beforeAll, expect, it } from "vitest";
import { statusSchema } from "../../agent/protocol.ts";
import { CONTROL_DEFAULTS } from "../control/options.ts";
import { leaderPair, takeover, type ControlProcess } from "../testing/control-process.ts";
import { startFleet, waitFor, type Fleet } from "../testing/fleet-harness.ts";
import { lagOf } from "../fleet/status-figures.ts";
import { requestAction } from "./request.ts";
import { runRequestSchema } from "./types.ts";

const bound = CONTROL_DEFAULTS.leaseMs + CONTROL_DEFAULTS.leaderCheckMs;
let fleet: Fleet;
let a: ControlProcess;
let b: ControlProcess;

const lag = async (name: string) => {
  const where = { clusterId: fleet.clusterId, name };
  const node = await fleet.db.node.findFirstOrThrow({ where, select: { lastStatus: true } });
  return lagOf(node.lastStatus).bytes ?? 0;
};
const steps = (actionId: string) =>
  fleet.db.actionStep.findMany({
    where: { actionId },
    orderBy: { seq: "asc" },
    select: { name: true, status: true, startedAt: true, finishedAt: true, detail: true },
  });
const audit = (actionId: string) =>
  fleet.db.auditEntry.findMany({
    where: { details: { path: ["action"], equals: actionId } },
    orderBy: { seq: "asc" },
    select: { action: true, outcome: true, details: true },
  });
const actionEvents = () =>
  fleet.db.event.findMany({
    where: { clusterId: fleet.clusterId, type: { startsWith: "action." } },
    orderBy: { at: "asc" },
    select: { type: true },
  });
/** Everything the action runner commits about an action. */
const committed = async (actionId: string) => ({
  steps: await steps(actionId),
  audit: await audit(actionId),
  events: await actionEvents(),
});
const timeline = async (name: string) => {
  const headers = { authorization: `Bearer ${fleet.tokens[name]}` };
  const response = await fetch(`${fleet.agents.urls[name]}/v1/status`, { headers });
  return statusSchema.parse(await response.json()).replication?.timeline;
};
const healthy = () => fleet.db.node.count({ where: { clusterId: fleet.clusterId, state: "HEALTHY" } });

beforeAll(async () => {
  fleet = await startFleet({
    agentProcess: true,
    settings: { intervalMs: 250, timeoutMs: 200, failureThreshold: 3 },
    nodes: [
      { name: "s-1", role: "primary" },
      { name: "s-2", role: "standby", upstream: "s-1" },
    ],
  });
  ({ a, b } = await leaderPair(fleet.databaseUrl, fleet.db));
  await waitFor("a healthy fleet", async () => (await healthy()) === 2, 15_000);
}, 60_000);

afterAll(async () => {
  a?.stop();
  b?.stop();
  await fleet?.stop();
});

it("finishes a switchover once when its leader is paused between the demote and the promote", async () => {
  // The target lags, so the catch-up step waits: long enough to pause the leader in the middle of the action.
  await fleet.act("s-2", "inject-fault", { kind: "lag", bytesPerSec: 100_000 });
  await waitFor("s-2 lagging", async () => (await lag("s-2")) > 0);
  const input = runRequestSchema.parse({
    type: "switchover",
    target: "s-2",
    params: { expectedPrimary: "s-1" },
    reason: "paused leader test",
    confirm: fleet.cluster,
  });
  const operator = { id: null, email: "op@example.com", role: "operator" as const };
  const { id } = await requestAction(fleet.db, operator, fleet.cluster, input);
  await waitFor("the demote done and the catch-up waiting", async () => {
    const [demote, catchUp] = await steps(id);
    return demote?.status === "SUCCEEDED" && catchUp?.status === "RUNNING";
  });

  a.child.kill("SIGSTOP");
  await fleet.act("s-2", "clear-fault");
  const { ms } = await takeover(fleet.db, a.id, b.id);
  console.log(`SIGSTOP mid-switchover: ${b.id} took over ${ms} ms after ${a.id}'s last renewal (bound ${bound} ms)`);
  expect(ms).toBeLessThanOrEqual(bound);
  const done = await waitFor(
    "the new leader to finish the switchover",
    async () => {
      const action = await fleet.db.action.findUniqueOrThrow({
        where: { id },
        select: { status: true, outcome: true },
      });
      return action.status === "SUCCEEDED" || action.status === "FAILED" ? action : undefined;
    },
    30_000,
  );
  expect(done.status, done.outcome ?? "").toBe("SUCCEEDED");
  const before = await committed(id);

  a.child.kill("SIGCONT");
  await a.said(/lost leadership/);
  // Settled: the resumed instance has heard it lost, and the leader has stored more since.
  const samples = () => fleet.db.sample.count({ where: { node: { clusterId: fleet.clusterId } } });
  const stored = await samples();
  await waitFor("more samples from the leader", async () => (await samples()) > stored + 8);
  expect(await committed(id)).toEqual(before);

  expect(before.steps.map((s) => [s.name, s.status])).toEqual([
    ["demote s-1", "SUCCEEDED"],
    ["wait for s-2 to catch up", "SUCCEEDED"],
    ["promote s-2", "SUCCEEDED"],
    ["repoint standbys and traffic to s-2", "SUCCEEDED"],
    ["validate s-2 serves as primary", "SUCCEEDED"],
  ]);
  const ran = before.audit.filter((e) => e.action === "action.step").map((e) => (e.details as { step: string }).step);
  expect(ran).toEqual(before.steps.map((s) => s.name));
  expect(before.audit.filter((e) => e.action === "action.finish").map((e) => e.outcome)).toEqual(["succeeded"]);
  expect(before.events.map((e) => e.type)).toEqual(["action.started", "action.succeeded"]);
  expect(await timeline("s-2")).toBe(2);
}, 90_000);

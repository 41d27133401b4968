// Hooks on a real control loop over simulated agents: http hooks signed like the webhooks and
// checked by the `standardwebhooks` library at a receiver on 127.0.0.1, in the order and at the
// phases the plan shows; a best-effort one that fails is said and the action goes on; a required
// one that fails stops the action, and the on_failure hooks hear which step failed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { networks } from "../alerts/egress/networks.ts";
import { loadPlanState } from "../actions/cluster-state.ts";
import { planAction } from "../actions/plan.ts";
import type { Actor } from "../actions/request.ts";
import { startControl, type Control } from "../control/control.ts";
import { newWebhookSecret } from "../alerts/signature.ts";
import { startFleet, waitFor, type Fleet } from "../testing/fleet-harness.ts";
import { fleetActions } from "../testing/fleet-actions.ts";
import { type Receiver, startReceiver } from "../testing/webhook-receiver.ts";

// A program of the test's own that an agent may run: it appends what it was told to a file.
const folder = mkdtempSync(path.join(tmpdir(), "haops-hooks-"));
const script = path.join(folder, "note.sh");
const seen = path.join(folder, "seen");
writeFileSync(
  script,
  '#!/bin/sh\necho "$HAOPS_CLUSTER $HAOPS_ACTION $HAOPS_ACTION_ID $HAOPS_PHASE $HAOPS_OLD_PRIMARY $HAOPS_NEW_PRIMARY $2" >> "$1"\n',
  { mode: 0o755 },
);

let fleet: Fleet;
let control: Control;
let good: Receiver;
let bad: Receiver;
const secret = newWebhookSecret();
const operator: Actor = { id: null, email: "op@example.com", role: "operator" };
const { run, finished } = fleetActions(() => fleet, operator);

type HookBody = {
  hook: string;
  phase: string;
  cluster: string;
  action: { id: string; type: string; failedStep: { name: string } | null };
  oldPrimary: { name: string; address: string | null } | null;
  newPrimary: { name: string; address: string | null } | null;
};
const bodies = (r: Receiver) => r.received.map((x) => x.payload as unknown as HookBody);

beforeAll(async () => {
  fleet = await startFleet({
    settings: { intervalMs: 200, timeoutMs: 500, failureThreshold: 3 },
    nodes: [
      { name: "db-1", role: "primary" },
      { name: "db-2", role: "standby", upstream: "db-1", commands: [script] },
    ],
  });
  good = await startReceiver(() => secret);
  bad = await startReceiver(() => secret);
  bad.answer = 503;
  const { clusterId, db } = fleet;
  await db.cluster.update({ where: { id: clusterId }, data: { cooldownMs: 0 } });
  await db.node.updateMany({ where: { clusterId, name: "db-2" }, data: { address: "10.0.0.2:5432" } });
  const http = (name: string, phase: string, receiver: Receiver, required = true) => ({
    clusterId,
    name,
    phase: phase as "BEFORE_FENCE",
    kind: "HTTP" as const,
    required,
    url: `http://127.0.0.1:${receiver.port}/${name}`,
    secret,
  });
  await db.clusterHook.createMany({
    data: [
      { ...http("drain-writes", "BEFORE_FENCE", good), position: 0 },
      { ...http("point-lb", "AFTER_PROMOTE", good), position: 1 },
      { ...http("tell-chat", "AFTER_ACTION", bad, false), position: 2 },
      { ...http("page-dba", "ON_FAILURE", good), position: 3 },
    ],
  });
  const webhookNetworks = { allowed: networks("127.0.0.0/8"), denied: [] };
  control = startControl(fleet.controlOptions({ webhookNetworks }));
  await waitFor(
    "a healthy fleet",
    async () => (await fleet.db.node.count({ where: { clusterId, state: "HEALTHY" } })) === 2,
  );
}, 60_000);

afterAll(async () => {
  await control?.stop();
  await fleet?.stop();
  good?.close();
  bad?.close();
  rmSync(folder, { recursive: true, force: true });
});

it("shows each hook in the plan at its phase, best-effort ones marked, on_failure last", async () => {
  const state = await loadPlanState(fleet.db, fleet.cluster);
  const plan = planAction(state!, { type: "switchover", target: "db-2", params: {} });
  expect(plan.steps.map((s) => s.name)).toEqual([
    "hook drain-writes (POST)",
    "demote db-1",
    "wait for db-2 to catch up",
    "promote db-2",
    "hook point-lb (POST)",
    "repoint standbys and traffic to db-2",
    "validate db-2 serves as primary",
    "hook tell-chat (POST, best-effort)",
    "hook page-dba (POST)",
  ]);
});

it("runs the hooks of a switchover in order, signed, each once; a best-effort failure is said and the action goes on", async () => {
  const { id } = await run({ type: "switchover", target: "db-2" });
  const doc = await finished(id);
  expect(doc.status, doc.outcome ?? "").toBe("SUCCEEDED");
  const told = bodies(good);
  expect(told.map((b) => `${b.hook}:${b.phase}`)).toEqual(["drain-writes:before_fence", "point-lb:after_promote"]);
  expect(told[1]).toMatchObject({
    cluster: fleet.cluster,
    action: { id, type: "switchover", failedStep: null },
    oldPrimary: { name: "db-1", address: null },
    newPrimary: { name: "db-2", address: "10.0.0.2:5432" },
  });
  // The webhook-id is the step's idempotency key: a new leader's repeat carries the same one.
  const steps = await fleet.db.actionStep.findMany({ where: { actionId: id }, orderBy: { seq: "asc" } });
  expect(good.received[0]?.id).toBe(steps[0]?.idempotencyKey);
  const chat = steps.find((s) => s.name.startsWith("hook tell-chat"));
  expect(chat).toMatchObject({ status: "SUCCEEDED" });
  expect(chat?.detail).toMatch(/^did not succeed; the action went on \(POST .+ answered HTTP 503/);
  expect(doc.outcome).toMatch(
    /^Done, except: hook tell-chat \(POST, best-effort\) \(see their steps\)\. The cluster now: /,
  );
  expect(steps.find((s) => s.name.startsWith("hook page-dba"))).toMatchObject({ status: "SKIPPED" });
  const said = await fleet.db.event.findFirst({ where: { clusterId: fleet.clusterId, type: "hook.failed" } });
  expect(said?.summary).toMatch(/^Hook tell-chat \(after action\) of switchover on .+ did not succeed/);
});

it("stops at a required hook before the fence that fails, says the state it left, and tells the on_failure hooks", async () => {
  good.received.length = 0;
  await fleet.db.clusterHook.updateMany({
    where: { clusterId: fleet.clusterId, name: "drain-writes" },
    data: { url: `http://127.0.0.1:${bad.port}/drain-writes` },
  });
  await waitFor(
    "two healthy nodes",
    async () => (await fleet.db.node.count({ where: { clusterId: fleet.clusterId, state: "HEALTHY" } })) === 2,
  );
  const { id } = await run({ type: "switchover", target: "db-1" });
  const doc = await finished(id);
  expect(doc.status).toBe("FAILED");
  expect(doc.outcome).toMatch(
    /^Stopped at "hook drain-writes \(POST\)": POST http:\/\/127\.0\.0\.1:\d+\/… answered HTTP 503/,
  );
  expect(doc.outcome).toMatch(/On failure: hook page-dba \(POST\): POST .+ answered HTTP 200/);
  expect(doc.outcome).toMatch(/The cluster now: /);
  // Nothing was changed: the demote and everything after it were skipped.
  expect(doc.steps.filter((s) => s.status === "SUCCEEDED").map((s) => s.name)).toEqual(["hook page-dba (POST)"]);
  expect(bodies(good).map((b) => `${b.hook}:${b.action.failedStep?.name ?? ""}`)).toEqual([
    "page-dba:hook drain-writes (POST)",
  ]);
});

it("goes on past a required hook after the promotion that fails, said critical: the failover is never left half done", async () => {
  await fleet.db.clusterHook.updateMany({
    where: { clusterId: fleet.clusterId, name: { in: ["drain-writes", "point-lb"] } },
    data: { url: `http://127.0.0.1:${good.port}/ok` },
  });
  await fleet.db.clusterHook.updateMany({
    where: { clusterId: fleet.clusterId, name: "point-lb" },
    data: { url: `http://127.0.0.1:${bad.port}/point-lb` },
  });
  const { id } = await run({ type: "switchover", target: "db-1" });
  const doc = await finished(id);
  expect(doc.status, doc.outcome ?? "").toBe("SUCCEEDED");
  expect(doc.outcome).toMatch(/^Done, except: hook point-lb \(POST\); hook tell-chat \(POST, best-effort\) /);
  const said = await fleet.db.event.findFirst({
    where: { clusterId: fleet.clusterId, type: "hook.failed", severity: "CRITICAL" },
  });
  expect(said?.summary).toMatch(/^Hook point-lb \(after promote\) of switchover on .+ required, the action went on/);
});

it("runs a command hook through the named node's agent with the facts in HAOPS_* variables, once", async () => {
  await fleet.db.clusterHook.deleteMany({ where: { clusterId: fleet.clusterId } });
  await fleet.db.clusterHook.create({
    data: {
      clusterId: fleet.clusterId,
      position: 0,
      name: "note-promotion",
      phase: "AFTER_PROMOTE",
      kind: "COMMAND",
      node: "db-2",
      argv: [script, seen, "$(touch /tmp/never)"],
    },
  });
  await waitFor(
    "a healthy fleet",
    async () => (await fleet.db.node.count({ where: { clusterId: fleet.clusterId, state: "HEALTHY" } })) === 2,
  );
  const primary = await fleet.db.node.findFirstOrThrow({ where: { clusterId: fleet.clusterId, role: "PRIMARY" } });
  const target = primary.name === "db-1" ? "db-2" : "db-1";
  const { id } = await run({ type: "switchover", target });
  const doc = await finished(id);
  expect(doc.status, doc.outcome ?? "").toBe("SUCCEEDED");
  expect(doc.steps.find((s) => s.name === "hook note-promotion (on db-2)")).toMatchObject({ status: "SUCCEEDED" });
  const lines = readFileSync(seen, "utf8").trim().split("\n");
  // One run: the script appends a line per run. Its argument reached it as written, never through a shell.
  expect(lines).toEqual([
    `${fleet.cluster} switchover ${id} after_promote ${primary.name} ${target} $(touch /tmp/never)`,
  ]);
});

it("goes on past a client route that cannot be moved, says so (critical), and names it in the outcome", async () => {
  await fleet.db.clusterHook.deleteMany({ where: { clusterId: fleet.clusterId } });
  // An agent without a pgbouncer section answers "unsupported" to every pool step.
  await fleet.db.clientRoute.create({
    data: { clusterId: fleet.clusterId, name: "pool", kind: "PGBOUNCER", node: "db-1", database: "app" },
  });
  await fleet.db.node.updateMany({ where: { clusterId: fleet.clusterId }, data: { address: "10.0.0.9:5432" } });
  const primary = await fleet.db.node.findFirstOrThrow({ where: { clusterId: fleet.clusterId, role: "PRIMARY" } });
  const target = primary.name === "db-1" ? "db-2" : "db-1";
  const { id } = await run({ type: "switchover", target });
  const doc = await finished(id);
  expect(doc.status, doc.outcome ?? "").toBe("SUCCEEDED");
  expect(doc.outcome).toMatch(
    new RegExp(
      `^Done, except: PgBouncer pool: pause app; PgBouncer pool: point app at ${target}; PgBouncer pool: resume app `,
    ),
  );
  const said = await fleet.db.event.findMany({ where: { clusterId: fleet.clusterId, type: "route.failed" } });
  expect(said.map((e) => e.severity)).toEqual(["CRITICAL", "CRITICAL", "CRITICAL"]);
  expect(said[0]?.summary).toMatch(/^Client route pool could not pause for .+; the action went on: .*unsupported/);
});

it("does not ask a pool's steering agent that is known down: the step says so at once and the failover goes on", async () => {
  const primary = await fleet.db.node.findFirstOrThrow({ where: { clusterId: fleet.clusterId, role: "PRIMARY" } });
  const target = primary.name === "db-1" ? "db-2" : "db-1";
  await fleet.db.clientRoute.updateMany({ where: { clusterId: fleet.clusterId }, data: { node: primary.name } });
  await fleet.act(primary.name, "inject-fault", { kind: "crash" });
  await waitFor(
    "the primary confirmed down",
    async () => (await fleet.db.node.findFirstOrThrow({ where: { id: primary.id } })).confirmedDown,
  );
  const { id } = await run({ type: "failover", target, params: { acceptDataLoss: true } });
  const doc = await finished(id);
  expect(doc.status, doc.outcome ?? "").toBe("SUCCEEDED");
  const pause = doc.steps.find((s) => s.name === "PgBouncer pool: pause app");
  expect(pause?.detail).toBe(
    `did not succeed; the action went on (pool: ${primary.name}, whose agent steers the pool, is down)`,
  );
});

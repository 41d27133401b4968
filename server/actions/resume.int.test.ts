// A leader that dies mid-step leaves the step RUNNING; the next leader runs it again with the same
// idempotency key, and the agent answers with its first result instead of acting twice.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { statusSchema } from "../../agent/protocol.ts";
import { startControl, type Control } from "../control/control.ts";
import { startFleet, waitFor, type Fleet } from "../testing/fleet-harness.ts";

let fleet: Fleet;
let control: Control | undefined;

beforeAll(async () => {
  fleet = await startFleet({
    settings: { intervalMs: 200, timeoutMs: 150, failureThreshold: 3 },
    nodes: [
      { name: "r-1", role: "primary" },
      { name: "r-2", role: "standby", upstream: "r-1" },
    ],
  });
});

afterAll(async () => {
  await control?.stop();
  await fleet?.stop();
});

const timeline = async () => {
  const response = await fetch(`${fleet.agents.urls["r-2"]}/v1/status`, {
    headers: { authorization: `Bearer ${fleet.tokens["r-2"]}` },
  });
  return statusSchema.parse(await response.json()).replication?.timeline;
};

it("resumes a running action at its unfinished step without running it twice", async () => {
  const key = randomUUID();
  // The old leader sent the step to the agent, then died before recording the answer.
  const response = await fetch(`${fleet.agents.urls["r-2"]}/v1/actions`, {
    method: "POST",
    headers: { authorization: `Bearer ${fleet.tokens["r-2"]}` },
    body: JSON.stringify({ id: key, type: "promote", params: {} }),
  });
  expect(await response.json()).toMatchObject({ status: "done", detail: "promoted to primary on timeline 2" });
  const action = await fleet.db.action.create({
    data: {
      clusterId: fleet.clusterId,
      type: "FENCE",
      reason: "resume test",
      status: "RUNNING",
      startedAt: new Date(),
      steps: {
        create: [
          {
            seq: 0,
            name: "promote r-2",
            status: "RUNNING",
            startedAt: new Date(),
            idempotencyKey: key,
            spec: { kind: "agent", node: "r-2", type: "promote", params: {} },
          },
        ],
      },
    },
  });

  control = startControl(fleet.controlOptions());
  const done = await waitFor("the action to finish", async () => {
    const row = await fleet.db.action.findUniqueOrThrow({
      where: { id: action.id },
      select: { status: true, steps: { select: { status: true, detail: true } } },
    });
    return row.status === "RUNNING" ? undefined : row;
  });
  expect(done).toMatchObject({
    status: "SUCCEEDED",
    steps: [{ status: "SUCCEEDED", detail: "r-2: promoted to primary on timeline 2" }],
  });
  expect(await timeline()).toBe(2);
});

it("after a failure, a resumed action runs only the rollback, never a step past the failure", async () => {
  // The promotion above made r-1 a former primary, fenced again as it still claims primary: rejoin it by hand first.
  await fleet.act("r-1", "demote", { upstream: "r-2" });
  await waitFor("r-1 recorded as a rejoined standby", async () => {
    const r1 = await fleet.db.node.findFirstOrThrow({ where: { clusterId: fleet.clusterId, name: "r-1" } });
    return r1.role === "STANDBY" && !r1.needsRejoin && !r1.fenced;
  });
  const step = (seq: number, name: string, status: "FAILED" | "PENDING", spec: object) => ({
    seq,
    name,
    status,
    idempotencyKey: randomUUID(),
    spec,
    detail: status === "FAILED" ? "r-1 did not catch up within 1 s" : null,
  });
  const action = await fleet.db.action.create({
    data: {
      clusterId: fleet.clusterId,
      type: "SWITCHOVER",
      reason: "resume test",
      status: "RUNNING",
      startedAt: new Date(),
      steps: {
        create: [
          step(0, "wait for r-1 to catch up", "FAILED", { kind: "catch-up", node: "r-1", timeoutMs: 1000 }),
          step(1, "fence r-1", "PENDING", { kind: "agent", node: "r-1", type: "fence", params: {} }),
          step(2, "roll back: validate r-2 serves as primary", "PENDING", {
            kind: "serving-primary",
            node: "r-2",
            timeoutMs: 5000,
            isRollback: true,
          }),
        ],
      },
    },
  });
  const done = await waitFor("the action to finish", async () => {
    const row = await fleet.db.action.findUniqueOrThrow({
      where: { id: action.id },
      select: { status: true, outcome: true, steps: { orderBy: { seq: "asc" }, select: { status: true } } },
    });
    return row.status === "RUNNING" ? undefined : row;
  });
  expect(done.status).toBe("FAILED");
  expect(done.steps.map((s) => s.status)).toEqual(["FAILED", "SKIPPED", "SUCCEEDED"]);
  expect(done.outcome).toMatch(
    new RegExp(
      /^Stopped at "wait for r-1 to catch up": r-1 did not catch up within 1 s\. /.source +
        /Rolled back: r-2 reports primary and is healthy\./.source,
    ),
  );
  expect((await fleet.db.node.findFirstOrThrow({ where: { clusterId: fleet.clusterId, name: "r-1" } })).fenced).toBe(
    false,
  );
});

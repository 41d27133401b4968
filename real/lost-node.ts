// Two more real scenarios: a primary node lost outright (its agent and its server killed at
// once), timed by a writer through HAProxy; and a primary that merely stalls (SIGSTOP, then
// SIGCONT), which must cost no failover.
import { showStat } from "../agent/drivers/haproxy/runtime-api.ts";
import type { Rig } from "./rig.ts";
import { writeGap } from "./writer.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function loseNode(rig: Rig) {
  const [old] = rig.pair.nodes;
  const writer = rig.pair.startWriter();
  await sleep(1_500);
  const at = Date.now();
  await Promise.all([rig.agents[old.name]!.stop(), rig.pair.kill(old.name)]);
  const deadline = Date.now() + 30_000;
  let action = null;
  while (!action && Date.now() < deadline) {
    action = await rig.db.action.findFirst({
      where: { clusterId: rig.clusterId, type: "FAILOVER", status: { in: ["SUCCEEDED", "FAILED"] } },
      select: { status: true, targetNode: true, outcome: true },
    });
    if (!action) await sleep(100);
  }
  await sleep(1_000);
  await writer.stop();
  const down = await rig.db.event.findFirst({
    where: { clusterId: rig.clusterId, type: { in: ["node.down", "node.confirmed_down"] } },
    orderBy: { at: "asc" },
    select: { at: true },
  });
  return {
    action,
    detectionMs: down ? down.at.getTime() - at : null,
    ...writeGap(writer.acked, at),
    acked: writer.acked.length,
  };
}

export async function stallPrimary(rig: Rig, ms: number) {
  const [primary] = rig.pair.nodes;
  await rig.pair.stall(primary.name, true);
  await sleep(ms);
  await rig.pair.stall(primary.name, false);
  // Long enough for three polls past the stall: a late DOWN or failover would show by then.
  await sleep(4_000);
  const events = await rig.db.event.findMany({
    where: { clusterId: rig.clusterId, node: { name: primary.name } },
    orderBy: { at: "asc" },
    select: { type: true },
  });
  const actions = await rig.db.action.count({ where: { clusterId: rig.clusterId } });
  const node = await rig.db.node.findFirstOrThrow({
    where: { clusterId: rig.clusterId, name: primary.name },
    select: { role: true, state: true, fenced: true },
  });
  return { events: events.map((e) => e.type), actions, node };
}

/** A planned switchover to the standby: the old primary comes back as its standby. */
export async function switchOver(rig: Rig) {
  const [old, next] = rig.pair.nodes;
  const writer = rig.pair.startWriter();
  await sleep(1_000);
  const { requestAction, SYSTEM_ACTOR } = await import("../server/actions/request.ts");
  const requestedAt = Date.now();
  const { id } = await requestAction(rig.db, SYSTEM_ACTOR, rig.cluster, {
    type: "switchover",
    target: next.name,
    params: {},
    reason: "real switchover",
    confirm: rig.cluster,
    overrides: [],
  });
  const deadline = Date.now() + 60_000;
  let action = await rig.db.action.findUniqueOrThrow({ where: { id }, select: { status: true, outcome: true } });
  while ((action.status === "PENDING" || action.status === "RUNNING") && Date.now() < deadline) {
    await sleep(200);
    action = await rig.db.action.findUniqueOrThrow({ where: { id }, select: { status: true, outcome: true } });
  }
  const rejoined = Date.now() + 15_000;
  let nodes = await rig.db.node.findMany({
    where: { clusterId: rig.clusterId },
    orderBy: { name: "asc" },
    select: { name: true, role: true, state: true },
  });
  // Settled: every node healthy and one primary (a poll from before the demote may still say otherwise for a round).
  const settled = () =>
    nodes.every((n) => n.state === "HEALTHY") && nodes.filter((n) => n.role === "PRIMARY").length === 1;
  while (!settled() && Date.now() < rejoined) {
    await sleep(200);
    nodes = await rig.db.node.findMany({
      where: { clusterId: rig.clusterId },
      orderBy: { name: "asc" },
      select: { name: true, role: true, state: true },
    });
  }
  await sleep(500);
  await writer.stop();
  const streaming = await rig.pair.replicating(old.name);
  const backend = (await showStat(rig.pair.haproxy.socket))
    .filter((s) => s.backend === rig.pair.haproxy.backend)
    .map((s) => `${s.server} ${s.status}`);
  // A planned switchover loses nothing acknowledged, whatever the replication mode: the old primary stops
  // taking writes before the target is promoted, once it caught up.
  const present = await rig.pair.written(next.name);
  const lost = writer.acked.filter((w) => !present.has(w.n)).length;
  // The writer's longest wait from the request on: the pause a pool in front makes it sit through.
  const longestWaitMs = writeGap(writer.acked, requestedAt).rtoMs;
  return { action, nodes, streaming, backend, acked: writer.acked.length, lost, failed: writer.failed, longestWaitMs };
}

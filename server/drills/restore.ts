// The restore phase: bring the faulted nodes back and wait until every node is healthy. A node
// that was the primary (or any faulted node, once another primary took over) comes back as a
// standby of the new primary, unfenced, its fault cleared. Each call is tried again on the next
// tick if it failed (under a fresh idempotency key: the agent would answer a repeat with the same
// failure); calls that succeeded are not sent again.
import { appendAudit } from "../audit/append.ts";
import { runStep } from "../actions/steps.ts";
import type { PhaseContext, PhaseOutcome } from "./phase-context.ts";

export interface RestoreProgress {
  done: Set<string>;
  attempt: number;
}

type Call = { node: string; type: "demote" | "unfence" | "clear-fault"; params: Record<string, unknown> };

/** The drill's own failover, still waiting for a second operator's approval, is given up. */
async function dropUnapprovedFailover(ctx: PhaseContext) {
  const key = `drill:${ctx.drill.id}:failover`;
  const outcome = "Given up: the drill restored the cluster before a second operator approved this failover.";
  const dropped = await ctx.db.action.updateMany({
    where: { idempotencyKey: key, status: "PENDING" },
    data: { status: "ABORTED", finishedAt: new Date(), outcome },
  });
  if (dropped.count) {
    await ctx.db.$transaction((tx) =>
      appendAudit(tx, {
        actorId: null,
        actor: "system",
        action: "action.finish",
        target: ctx.drill.clusterName,
        outcome: "aborted",
        details: { drill: ctx.drill.id, outcome },
      }),
    );
  }
}

export async function restore(ctx: PhaseContext, progress: RestoreProgress): Promise<PhaseOutcome> {
  await dropUnapprovedFailover(ctx);
  const running = await ctx.db.action.findFirst({
    where: { clusterId: ctx.clusterId, status: "RUNNING" },
    select: { id: true, type: true },
  });
  if (running) return { wait: `waiting for action ${running.id} (${running.type.toLowerCase()}) to finish` };
  const { params } = ctx.drill;
  const out = params.faults.map((f) => f.node);
  const nodesOf = () =>
    ctx.db.node.findMany({
      where: { clusterId: ctx.clusterId },
      orderBy: { name: "asc" },
      select: { name: true, role: true, state: true, fenced: true },
    });
  const nodes = await nodesOf();
  const fresh = nodes.find((n) => n.role === "PRIMARY" && !n.fenced && !out.includes(n.name) && n.state !== "DOWN");
  const tookOver = fresh !== undefined && fresh.name !== params.primary;
  const missed: string[] = [];
  let answered = false;
  for (const name of out) {
    const row = nodes.find((n) => n.name === name);
    const calls: Call[] = [
      ...(tookOver ? [{ node: name, type: "demote", params: { upstream: fresh.name } } as Call] : []),
      ...(row?.fenced ? [{ node: name, type: "unfence", params: {} } as Call] : []),
      { node: name, type: "clear-fault", params: {} },
    ];
    // In order per node: a node must be a standby before its fault clears, or it returns as a second primary.
    for (const call of calls) {
      const id = `${call.type}:${call.node}`;
      if (progress.done.has(id)) continue;
      const key = `${ctx.drill.id}:restore:${id}${progress.attempt ? `:${progress.attempt}` : ""}`;
      const result = await runStep(ctx, { kind: "agent", node: call.node, type: call.type, params: call.params }, key);
      if (!result.ok) {
        missed.push(`${call.type} ${call.node} (${result.detail})`);
        answered ||= result.answered !== false;
        break;
      }
      progress.done.add(id);
    }
  }
  if (missed.length) {
    // A call the agent refused is asked anew; one it never answered keeps its key, so asking again
    // joins the work the agent may still be doing instead of starting it a second time.
    if (answered) progress.attempt++;
    return { wait: `retrying: could not ${missed.join("; ")}` };
  }
  const after = await nodesOf();
  const cluster = await ctx.db.cluster.findUniqueOrThrow({
    where: { id: ctx.clusterId },
    select: { splitBrain: true },
  });
  const unwell = after.filter((n) => n.state !== "HEALTHY");
  if (unwell.length || cluster.splitBrain)
    return { wait: `waiting for ${unwell.map((n) => n.name).join(", ") || "split-brain to clear"} to be healthy` };
  const primary = after.find((n) => n.role === "PRIMARY");
  return { ok: true, detail: `every node is healthy${primary ? `; ${primary.name} is the primary` : ""}` };
}

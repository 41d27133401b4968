// What each phase of a drill does on one tick of the runner: act once (agent calls carry
// idempotency keys, so a new leader repeats them safely) and then watch what the console records.
// A phase answers "wait" (with what it is waiting for) until it is done, one way or the other.
import { runStep } from "../actions/steps.ts";
import { detectionBoundMs, type DetectionSettings } from "../detection/bound.ts";
import { failover } from "./phase-failover.ts";
import { faulted, nodesOf, type PhaseContext, type PhaseOutcome, since } from "./phase-context.ts";
import { restore, type RestoreProgress } from "./restore.ts";
import { LAG_BYTES_PER_SEC } from "./scenarios.ts";
import type { PhaseName } from "../../lib/drills.ts";

async function inject(ctx: PhaseContext): Promise<PhaseOutcome> {
  if (!ctx.drill.injectedAt) {
    ctx.drill.injectedAt = new Date();
    await ctx.db.drill.update({ where: { id: ctx.drill.id }, data: { injectedAt: ctx.drill.injectedAt } });
  }
  const done: string[] = [];
  for (const { node, fault } of ctx.drill.params.faults) {
    const result = await runStep(
      ctx,
      { kind: "agent", node, type: "inject-fault", params: fault },
      `${ctx.drill.id}:inject:${node}`,
    );
    if (!result.ok)
      return { ok: false, detail: `${result.detail}${done.length ? `; already injected on ${done.join(", ")}` : ""}` };
    done.push(`${fault.kind} on ${node}`);
  }
  return { ok: true, detail: `injected ${done.join(", ")}` };
}

async function detect(ctx: PhaseContext): Promise<PhaseOutcome> {
  const lag = ctx.drill.scenario === "standby-lag";
  const events = await ctx.db.event.findMany({
    where: {
      clusterId: ctx.clusterId,
      at: { gte: ctx.drill.injectedAt ?? new Date(0) },
      type: { in: lag ? ["lag.over"] : ["node.down", "node.confirmed_down", "node.isolated"] },
    },
    orderBy: { at: "asc" },
    select: { type: true, at: true, details: true, node: { select: { name: true } } },
  });
  const seen: string[] = [];
  for (const name of faulted(ctx)) {
    const primary = name === ctx.drill.params.primary && !lag;
    const hit = events.find(
      (e) =>
        e.node?.name === name &&
        (!primary ||
          e.type === "node.confirmed_down" ||
          (e.type === "node.down" && (e.details as { confirmedDown?: boolean }).confirmedDown)),
    );
    if (!hit) {
      // Peers' views lag a poll or two behind: "isolated" may still turn into confirmed down.
      const isolated = events.some((e) => e.node?.name === name && e.type === "node.isolated");
      const seeDown = `see ${name} down${primary ? ", confirmed by its peers" : ""}`;
      const waiting = `waiting for the console to ${lag ? `raise the lag alert for ${name}` : seeDown}`;
      return { wait: isolated ? `${waiting} (so far isolated: its peers still reach it)` : waiting };
    }
    seen.push(
      `${name} ${lag ? "over the lag threshold" : primary ? "down, confirmed" : "down"} ${since(ctx, hit.at)} after the fault`,
    );
  }
  return { ok: true, detail: `detected: ${seen.join("; ")}` };
}

async function verify(ctx: PhaseContext): Promise<PhaseOutcome> {
  const { params } = ctx.drill;
  const nodes = await nodesOf(ctx);
  const out = faulted(ctx);
  if (params.expectFailover) {
    // Serving as its agent says, not only as the console recorded when it asked for the promotion.
    const fresh = nodes.find(
      (n) =>
        n.role === "PRIMARY" &&
        n.reportedRole === "PRIMARY" &&
        n.state === "HEALTHY" &&
        !n.fenced &&
        !out.includes(n.name),
    );
    const old = nodes.find((n) => n.name === params.primary);
    if (!fresh) return { wait: "waiting for a new primary to serve writes" };
    if (old && !old.fenced && old.state !== "DOWN") return { wait: `waiting for ${old.name} to be fenced or down` };
    // The RTO is measured from the stored samples, so the restore waits until they show the service back.
    const recorded = await ctx.db.sample.findFirst({
      where: { nodeId: fresh.id, at: { gte: ctx.drill.injectedAt ?? new Date(0) }, role: "PRIMARY", healthy: true },
      select: { at: true },
    });
    if (!recorded) return { wait: `waiting for the console to record ${fresh.name} serving as primary` };
    return {
      ok: true,
      detail:
        `${fresh.name} serves writes as primary; ` +
        `${old?.name ?? "the old primary"} is ${old?.fenced ? "fenced" : "down"}`,
    };
  }
  if (ctx.drill.params.primary) {
    const primary = nodes.find((n) => n.name === params.primary);
    const failovers = await ctx.db.action.count({
      where: { clusterId: ctx.clusterId, type: "FAILOVER", createdAt: { gte: ctx.drill.injectedAt ?? new Date(0) } },
    });
    if (failovers > 0) return { ok: false, detail: "a failover happened, but this fault should not cause one" };
    if (primary?.role !== "PRIMARY" || primary.state !== "HEALTHY")
      return { wait: `waiting for ${params.primary} to serve as a healthy primary` };
    return { ok: true, detail: `${primary.name} still serves as primary; no failover` };
  }
  const left = nodes.filter((n) => !out.includes(n.name) && n.state === "HEALTHY");
  return left.length
    ? { ok: true, detail: `${left.length} nodes serve: ${left.map((n) => n.name).join(", ")}` }
    : { wait: "waiting for a node to serve" };
}

export function runPhase(name: PhaseName, ctx: PhaseContext, progress: RestoreProgress): Promise<PhaseOutcome> {
  switch (name) {
    case "inject":
      return inject(ctx);
    case "detect":
      return detect(ctx);
    case "failover":
      return failover(ctx);
    case "verify":
      return verify(ctx);
    case "restore":
      return restore(ctx, progress);
  }
}

/** How long a phase may take before the drill calls it failed. */
export function phaseLimitMs(name: PhaseName, cluster: DetectionSettings, lagThresholdBytes: number | null): number {
  const bound = detectionBoundMs(cluster);
  switch (name) {
    case "inject":
      return 30_000;
    case "detect":
      return 2 * bound + 10_000 + ((lagThresholdBytes ?? 0) / LAG_BYTES_PER_SEC) * 1000;
    case "failover":
      return 60_000 + bound;
    case "verify":
      return 3 * bound + 10_000;
    case "restore":
      return 60_000 + 3 * bound;
  }
}

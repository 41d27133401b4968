// The failover phase: where no failover is expected, the nodes left take the traffic; under an
// automatic policy the console's own failover is awaited; otherwise the drill asks for one (which,
// for a cluster Redis Sentinel manages, asks Sentinel, unless Sentinel already failed over).
import { ActionError } from "../actions/errors.ts";
import { actionLabel } from "../actions/names.ts";
import { requestAction, SYSTEM_ACTOR } from "../actions/request.ts";
import { trafficOf } from "../fleet/status-figures.ts";
import { bestStandby } from "../guards/best-standby.ts";
import { faulted, nodesOf, type PhaseContext, type PhaseOutcome } from "./phase-context.ts";
import { loadDrillState } from "./state.ts";

export async function failover(ctx: PhaseContext): Promise<PhaseOutcome> {
  const { params } = ctx.drill;
  if (!params.expectFailover) {
    if (ctx.drill.scenario === "standby-lag" || params.primary)
      return { ok: true, skipped: true, detail: params.phaseNotes.failover };
    const left = (await nodesOf(ctx)).filter(
      (n) =>
        !faulted(ctx).includes(n.name) && n.state === "HEALTHY" && (trafficOf(n.lastStatus)?.requestsPerSec ?? 0) > 0,
    );
    if (left.length === 0) return { wait: "waiting for the nodes left to take the traffic" };
    const rps = left.reduce((sum, n) => sum + (trafficOf(n.lastStatus)?.requestsPerSec ?? 0), 0);
    return { ok: true, detail: `${left.map((n) => n.name).join(", ")} take the traffic (${Math.round(rps)} req/s)` };
  }
  const injectedAt = ctx.drill.injectedAt ?? new Date(0);
  const action = await ctx.db.action.findFirst({
    where: { clusterId: ctx.clusterId, type: "FAILOVER", createdAt: { gte: injectedAt } },
    orderBy: { createdAt: "asc" },
    select: { id: true, status: true, outcome: true, targetNode: true },
  });
  if (!action && params.policy === "AUTOMATIC") {
    const refused = await ctx.db.event.findFirst({
      where: { clusterId: ctx.clusterId, type: "failover.refused", at: { gte: injectedAt } },
      select: { summary: true },
    });
    return refused
      ? { ok: false, detail: refused.summary }
      : { wait: "waiting for the automatic failover (cluster policy)" };
  }
  if (!action) {
    const state = await loadDrillState(ctx.db, ctx.drill.clusterName);
    const chosen =
      state?.managedBy === "sentinel" &&
      state.nodes.find((n) => !faulted(ctx).includes(n.name) && n.reportedRole === "PRIMARY" && n.state === "HEALTHY");
    // Sentinel may fail over before the console would ask it to: its choice is the drill's failover.
    if (chosen) return { ok: true, detail: `Redis Sentinel failed over to ${chosen.name} by itself` };
    const target = state && bestStandby(state.nodes, faulted(ctx));
    // Mid-way through Sentinel's own failover its replica is briefly neither a healthy standby nor a
    // healthy primary: the phase waits (within its limit) rather than calling the drill failed.
    if (!target && state?.managedBy === "sentinel") return { wait: "waiting for Redis Sentinel to name a new master" };
    if (!target) return { ok: false, detail: "no healthy standby to fail over to" };
    try {
      // The drill's scenario in words; the drill's page links to the action it asked for.
      const reason = `${ctx.drill.scenario} drill of ${ctx.drill.clusterName}`;
      await requestAction(ctx.db, ctx.drill.actor ?? SYSTEM_ACTOR, ctx.drill.clusterName, {
        type: "failover",
        target: target.name,
        params: { expectedPrimary: params.primary ?? undefined, acceptDataLoss: true },
        reason,
        confirm: ctx.drill.clusterName,
        overrides: [],
        idempotencyKey: `drill:${ctx.drill.id}:failover`,
      });
      return { wait: `${actionLabel("failover", ctx.drill.clusterName, target.name)} requested` };
    } catch (error) {
      if (error instanceof ActionError) {
        const failing = error.details.guards?.filter((g) => !g.ok).map((g) => `${g.id}: ${g.reason}`);
        const why = failing?.length ? failing.join("; ") : error.message.replace(/\.+$/, "");
        return { ok: false, detail: `failover to ${target.name} refused (${why})` };
      }
      throw error;
    }
  }
  // Named, not numbered: the drill's page links these words to the action.
  const label = actionLabel("failover", ctx.drill.clusterName, action.targetNode);
  if (action.status === "SUCCEEDED") return { ok: true, detail: `${label} succeeded` };
  if (action.status === "FAILED" || action.status === "ABORTED")
    return { ok: false, detail: `${label} ${action.status.toLowerCase()}: ${action.outcome ?? ""}` };
  return { wait: `${label} ${action.status.toLowerCase()}` };
}

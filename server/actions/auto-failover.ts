// Automatic failover, for clusters whose policy says so: when a primary is confirmed down, the
// leader requests the same guarded failover an operator would, as "system", to the best standby
// (healthy and serving; sync before async; least lag). A refusal becomes an event (and an audit
// entry) once per distinct reason; the plan is judged again on every tick while the outage lasts,
// so a refusal for a passing reason (the standby missed one poll as the primary died) never costs
// the failover. One request per outage. Nothing automatic happens while the global halt is on, nor
// to a cluster Redis Sentinel manages.
// The leader passes its fenced client, so a request from an instance that lost its lease is never stored.
import type { Log } from "../../lib/log.ts";
import { LostLeadership } from "../control/fence.ts";
import type { Db } from "../db/client.ts";
import { recordEvent } from "../events/record.ts";
import { bestStandby } from "../guards/best-standby.ts";
import { haltState } from "../halt/halt.ts";
import { loadPlanState } from "./cluster-state.ts";
import { ActionError } from "./errors.ts";
import { planAction } from "./plan.ts";
import { requestAction, SYSTEM_ACTOR } from "./request.ts";
import type { RunRequest } from "./types.ts";

type Cluster = { id: string; name: string };

export class AutoFailover {
  /** Per cluster, the outage (primary and when it went down) a failover was requested for. */
  private readonly requested = new Map<string, string>();
  /** Per cluster, the outage and refusal last said, so a refusal that stands is said once. */
  private readonly said = new Map<string, string>();

  constructor(private readonly log: Log) {}

  async tick(db: Db) {
    if ((await haltState(db)).active) return;
    const clusters = await db.cluster.findMany({
      where: {
        policy: "AUTOMATIC",
        mode: "ACTIVE_PASSIVE",
        // Sentinel decides these clusters' failovers: two deciders would fight.
        managedBy: "console",
        nodes: { some: { role: "PRIMARY", state: "DOWN", confirmedDown: true } },
      },
      select: {
        id: true,
        name: true,
        nodes: {
          where: { role: "PRIMARY", state: "DOWN", confirmedDown: true },
          select: { name: true, stateChangedAt: true },
        },
      },
    });
    for (const cluster of clusters) {
      const primary = cluster.nodes[0];
      if (!primary) continue;
      const outage = `${primary.name}@${primary.stateChangedAt?.toISOString()}`;
      if (this.requested.get(cluster.id) === outage) continue;
      const state = await loadPlanState(db, cluster.name);
      if (!state) continue;
      const target = bestStandby(state.nodes, [])?.name;
      const input = failoverInput(cluster, primary.name, target);
      const plan = target ? planAction(state, input, { automatic: true }) : null;
      const refusal = plan?.allowed ? null : refusalOf(plan);
      if (refusal !== null && this.said.get(cluster.id) === `${outage}|${refusal}`) continue;
      if (refusal !== null) this.said.set(cluster.id, `${outage}|${refusal}`);
      if (await this.request(db, cluster, input, primary.name)) this.requested.set(cluster.id, outage);
    }
  }

  /** Requests the failover (guards judged again, a refusal audited); true once it is stored. */
  private async request(db: Db, cluster: Cluster, input: RunRequest, primary: string): Promise<boolean> {
    try {
      if (!input.target) throw new ActionError("CONFLICT", "Refused: no healthy standby to promote.");
      const action = await requestAction(db, SYSTEM_ACTOR, cluster.name, input, { automatic: true });
      this.log(`Automatic failover of ${cluster.name} to ${input.target} requested (${action.id}).`, {
        cluster: cluster.name,
        node: input.target,
        action: action.id,
      });
      return true;
    } catch (error) {
      // Nothing was stored: the outage is still to be acted upon, by whichever instance leads.
      if (error instanceof LostLeadership) {
        this.said.delete(cluster.id);
        throw error;
      }
      const why = error instanceof Error ? error.message : String(error);
      this.log(`Automatic failover of ${cluster.name} not started (judged again while the outage lasts): ${why}`, {
        level: "warn",
        cluster: cluster.name,
      });
      await recordEvent(db, {
        type: "failover.refused",
        severity: "CRITICAL",
        summary: `${cluster.name}: automatic failover not started: ${why}`,
        clusterId: cluster.id,
        details: { primary, target: input.target ?? null },
      });
      return false;
    }
  }
}

/** The automatic policy accepts losing what lags behind, within the RPO budget its guard enforces. */
function failoverInput(cluster: Cluster, primary: string, target: string | undefined): RunRequest {
  const reason = `automatic: primary ${primary} confirmed down`;
  const params = { expectedPrimary: primary, acceptDataLoss: true };
  return { type: "failover", target, params, reason, confirm: cluster.name, overrides: [] };
}

/** What stands in the way, in words: the failing guards' ids (their figures change every poll). */
function refusalOf(plan: ReturnType<typeof planAction> | null): string {
  if (!plan) return "no healthy standby";
  return plan.guards
    .filter((g) => !g.ok)
    .map((g) => g.id)
    .join(", ");
}

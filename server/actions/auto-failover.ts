// Automatic failover, for clusters whose policy says so: when a primary is confirmed down, the
// leader requests the same guarded failover an operator would, as "system", to the best standby
// (healthy and serving; sync before async; least lag). One attempt per outage; a refusal becomes
// an event. Nothing automatic happens while the global halt is on. The leader passes its fenced
// client, so a request from an instance that lost its lease is never stored.
import { LostLeadership } from "../control/fence.ts";
import type { Db } from "../db/client.ts";
import { bestStandby } from "../guards/best-standby.ts";
import { haltState } from "../halt/halt.ts";
import { loadPlanState } from "./cluster-state.ts";
import { ActionError } from "./errors.ts";
import { requestAction, SYSTEM_ACTOR } from "./request.ts";

export class AutoFailover {
  /** Per cluster, the outage (primary and when it went down) already acted upon. */
  private readonly attempted = new Map<string, string>();

  constructor(private readonly log: (line: string) => void) {}

  async tick(db: Db) {
    if ((await haltState(db)).active) return;
    const clusters = await db.cluster.findMany({
      where: { policy: "AUTOMATIC", mode: "ACTIVE_PASSIVE", nodes: { some: { role: "PRIMARY", state: "DOWN", confirmedDown: true } } },
      select: { id: true, name: true, nodes: { where: { role: "PRIMARY", state: "DOWN", confirmedDown: true }, select: { name: true, stateChangedAt: true } } },
    });
    for (const cluster of clusters) {
      const primary = cluster.nodes[0];
      if (!primary) continue;
      const outage = `${primary.name}@${primary.stateChangedAt?.toISOString()}`;
      if (this.attempted.get(cluster.id) === outage) continue;
      // Read before the outage counts as attempted: a failed read is tried again next tick.
      const state = await loadPlanState(db, cluster.name);
      this.attempted.set(cluster.id, outage);
      await this.request(db, cluster, primary.name, state ? bestStandby(state.nodes, [])?.name : undefined);
    }
  }

  private async request(db: Db, cluster: { id: string; name: string }, primary: string, target: string | undefined) {
    const reason = `automatic: primary ${primary} confirmed down`;
    try {
      if (!target) throw new ActionError("CONFLICT", "Refused: no healthy standby to promote.");
      // The automatic policy accepts losing what lags behind, within the RPO budget its guard enforces.
      const action = await requestAction(
        db, SYSTEM_ACTOR, cluster.name,
        { type: "failover", target, params: { expectedPrimary: primary, acceptDataLoss: true }, reason, confirm: cluster.name, overrides: [] },
        { automatic: true },
      );
      this.log(`Automatic failover of ${cluster.name} to ${target} requested (${action.id}).`);
    } catch (error) {
      // Nothing was stored: the outage is still to be acted upon, by whichever instance leads.
      if (error instanceof LostLeadership) {
        this.attempted.delete(cluster.id);
        throw error;
      }
      const why = error instanceof Error ? error.message : String(error);
      this.log(`Automatic failover of ${cluster.name} not started: ${why}`);
      await db.event.create({
        data: { type: "failover.refused", severity: "CRITICAL", summary: `${cluster.name}: automatic failover not started: ${why}`, clusterId: cluster.id, details: { primary, target: target ?? null } },
      });
    }
  }
}

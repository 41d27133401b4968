// The state a drill's plan judges: the action guards' view of the cluster plus what only drills
// need (policy, halt, a running drill, regions, the lag alert threshold).
import { loadPlanState } from "../actions/cluster-state.ts";
import type { Db } from "../db/client.ts";
import { lagThresholds } from "../detection/lag.ts";
import { haltState } from "../halt/halt.ts";
import type { DrillState } from "./plan.ts";

export const ACTIVE_DRILL = ["PLANNED", "RUNNING"] as const;

export async function loadDrillState(
  db: Db,
  clusterName: string,
  now = Date.now(),
): Promise<(DrillState & { id: string }) | null> {
  const base = await loadPlanState(db, clusterName, now);
  if (!base) return null;
  const [cluster, halt] = await Promise.all([
    db.cluster.findUniqueOrThrow({
      where: { id: base.id },
      select: {
        rtoTargetMs: true,
        lagAlertBytes: true,
        lagAlertSeconds: true,
        rpoBudgetBytes: true,
        rpoBudgetSeconds: true,
        nodes: { select: { name: true, region: true } },
        drills: { where: { status: { in: [...ACTIVE_DRILL] } }, select: { id: true }, take: 1 },
      },
    }),
    haltState(db),
  ]);
  const thresholds = lagThresholds({
    lagAlertBytes: cluster.lagAlertBytes === null ? null : Number(cluster.lagAlertBytes),
    lagAlertSeconds: cluster.lagAlertSeconds,
    rpoBudgetBytes: Number(cluster.rpoBudgetBytes),
    rpoBudgetSeconds: cluster.rpoBudgetSeconds,
  });
  return {
    ...base,
    // Sentinel decides a Sentinel-managed cluster's failovers: the drill never waits for the console's own.
    policy: base.managedBy === "sentinel" ? "MANUAL" : (base.policy as DrillState["policy"]),
    requireSecondApproval: base.requireSecondApproval,
    rtoTargetMs: cluster.rtoTargetMs,
    halted: halt.active,
    activeDrill: cluster.drills[0]?.id ?? null,
    regions: Object.fromEntries(cluster.nodes.map((n) => [n.name, n.region])),
    lagThresholdBytes: thresholds.bytes,
  };
}

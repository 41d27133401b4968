// The standby the console would promote on its own (automatic failover, drills), over the same
// figures the guards judge: with the primary lost, each standby's lag at the loss.
import type { Db } from "../db/client.ts";
import { bestStandby } from "../guards/best-standby.ts";
import type { FailoverCandidate } from "../fleet/problem-fix.ts";
import { loadPlanState } from "./cluster-state.ts";

export async function failoverCandidate(db: Db, clusterName: string): Promise<FailoverCandidate | null> {
  const state = await loadPlanState(db, clusterName);
  const best = state && bestStandby(state.nodes, []);
  return best ? { name: best.name, replicationMode: best.replicationMode, lagBytes: best.lagBytes } : null;
}

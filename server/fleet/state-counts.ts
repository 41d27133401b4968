// How many nodes of a cluster are in each state, and which cluster needs eyes first.
import type { NodeState } from "../db/generated/enums.ts";

export type StateCounts = Record<NodeState, number>;

const PROBLEMS_WORST_FIRST: readonly NodeState[] = ["DOWN", "SUSPECT", "UNKNOWN"];

export function countStates(nodes: readonly { state: NodeState }[]): StateCounts {
  const counts: StateCounts = { HEALTHY: 0, SUSPECT: 0, DOWN: 0, UNKNOWN: 0 };
  for (const node of nodes) counts[node.state] += 1;
  return counts;
}

/** Lower sorts first: any DOWN node beats any SUSPECT one, and so on; all-healthy sorts last. */
export function severityRank(counts: StateCounts): number {
  const worst = PROBLEMS_WORST_FIRST.findIndex((state) => counts[state] > 0);
  return worst === -1 ? PROBLEMS_WORST_FIRST.length : worst;
}

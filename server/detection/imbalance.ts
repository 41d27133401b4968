// Traffic imbalance in an active-active cluster: the largest gap, in percentage points, between a
// node's share of the requests and the share its weight asks for.
export interface TrafficView {
  name: string;
  weight: number;
  requestsPerSec: number;
}

export function worstImbalance(
  nodes: TrafficView[],
): { node: string; expected: number; actual: number; gap: number } | null {
  const totalWeight = nodes.reduce((sum, n) => sum + n.weight, 0);
  const totalRps = nodes.reduce((sum, n) => sum + n.requestsPerSec, 0);
  if (totalWeight <= 0 || totalRps <= 0) return null;
  let worst: { node: string; expected: number; actual: number; gap: number } | null = null;
  for (const node of nodes) {
    const expected = (100 * node.weight) / totalWeight;
    const actual = (100 * node.requestsPerSec) / totalRps;
    const gap = Math.abs(actual - expected);
    if (!worst || gap > worst.gap) worst = { node: node.name, expected, actual, gap };
  }
  return worst;
}

// The words for a DOWN node, on the two occasions that raise one: when it goes down, and when the
// peers' verdict on it changes while it stays down.
import { detectionBoundMs } from "./bound.ts";
import { lossSeverity, nodeEvent, who, type EventRow } from "./events.ts";
import type { FleetCluster, NodeRuntime } from "./fleet.ts";
import { describeVerdict, type PeerVerdict } from "./peer-verdict.ts";

/**
 * `went-down`: it has just become DOWN, after its failed polls or at once when its own agent says its
 * process is gone. `verdict-changed`: it was DOWN already and its peers now confirm it, still reach
 * it (isolated), or no longer say either.
 */
export type DownNews = "went-down" | "verdict-changed";

export function downEvent(
  news: DownNews,
  cluster: FleetCluster,
  node: NodeRuntime,
  verdict: PeerVerdict,
  at: number,
): EventRow {
  const details = { ...verdict, error: node.lastError, failures: node.failures, boundMs: detectionBoundMs(cluster) };
  const severity = lossSeverity(node);
  if (verdict.isolated) {
    const reached = `the console cannot reach it but ${describeVerdict(verdict)}`;
    const summary = `${who(node)} is isolated: ${reached}; no failover`;
    return nodeEvent(node, at, "node.isolated", severity, summary, details);
  }
  switch (news) {
    case "went-down": {
      const summary = `${who(node)} is down: ${whyDown(cluster, node)}; ${describeVerdict(verdict)}`;
      return nodeEvent(node, at, "node.down", severity, summary, details);
    }
    case "verdict-changed": {
      const type = verdict.confirmedDown ? "node.confirmed_down" : "node.down";
      return nodeEvent(node, at, type, severity, `${who(node)} is down, ${describeVerdict(verdict)}`, details);
    }
  }
}

/** A certain death (its process gone, or its port refusing its peers) needs no threshold; anything else reached it. */
function whyDown(cluster: FleetCluster, node: NodeRuntime): string {
  if (node.gone) return `${node.lastError}; no need to wait for ${cluster.failureThreshold} polls`;
  if (node.refusedByPeers)
    return `${node.lastError}, and nothing listens on its port for its peers; no need to wait for ${cluster.failureThreshold} polls`;
  return `${node.failures} polls failed in a row (${node.lastError})`;
}

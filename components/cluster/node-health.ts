// What the cluster page says of a node's health beyond its detected state: the state says whether
// it answers; these say whether what it answers can be trusted.
import type { NodeDetail } from "@/server/fleet/cluster-detail";

/** It answers, but a check fails (or detection raised node.degraded): "Healthy" would be a lie. */
export function isDegraded(node: Pick<NodeDetail, "state" | "degraded" | "checks">): boolean {
  return node.state === "HEALTHY" && (node.degraded || node.checks.some((check) => !check.ok));
}

/** A down node's checks are its last answer's: since when (null if it never answered), or undefined when fresh. */
export function checksStaleSince(node: Pick<NodeDetail, "state" | "lastSeenAt">): Date | null | undefined {
  return node.state === "DOWN" ? node.lastSeenAt : undefined;
}

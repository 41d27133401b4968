// Guards every action shares, and those of drain (DESIGN.md, "Guarded actions").
import { fail, pass, type GuardNode, type GuardResult, type GuardState } from "./types.ts";

export function noOtherAction(state: GuardState): GuardResult {
  const id = "no-running-action";
  const other = state.activeActions[0];
  return other
    ? fail(id, `action ${other.id} (${other.type}) is still running on ${state.cluster}`)
    : pass(id, "no other action on this cluster");
}

/** Automatic actions never touch a paused cluster or node; operators may (maintenance is for them). */
export function notPaused(state: GuardState, node: GuardNode | undefined, automatic: boolean): GuardResult {
  const id = "not-paused";
  const paused = state.paused ? `cluster ${state.cluster}` : node?.paused ? `node ${node.name}` : null;
  if (!paused) return pass(id, "not paused");
  return automatic
    ? fail(id, `${paused} is paused: no automatic action`)
    : pass(id, `${paused} is paused; an operator acts by hand`);
}

export function nodeExists(node: GuardNode | undefined, name: string | undefined): GuardResult {
  const id = "target-exists";
  if (!name) return fail(id, "name the node to act on (target)");
  return node ? pass(id, `${name} is a node of this cluster`) : fail(id, `no node ${name} in this cluster`);
}

export function notLastHealthy(state: GuardState, node: GuardNode | undefined): GuardResult {
  const id = "not-last-healthy";
  const serving = state.nodes.filter(
    (n) => n.state === "HEALTHY" && n.trafficState !== "drain" && n.trafficState !== "maint",
  );
  const others = serving.filter((n) => n.name !== node?.name);
  return others.length === 0
    ? fail(id, `${node?.name ?? "this node"} is the last healthy node serving traffic`)
    : pass(id, `${others.length} other healthy node${others.length === 1 ? "" : "s"} keep serving`);
}

/** N-1: what the other healthy, ready nodes can take covers the traffic the cluster has now. */
export function capacityCovers(state: GuardState, node: GuardNode | undefined): GuardResult {
  const id = "capacity-n-1";
  const total = state.nodes.reduce((sum, n) => sum + (n.state === "DOWN" ? 0 : n.requestsPerSec), 0);
  const others = state.nodes.filter(
    (n) => n.name !== node?.name && n.state === "HEALTHY" && (n.trafficState ?? "ready") === "ready",
  );
  if (others.some((n) => n.maxRequestsPerSec === null))
    return pass(id, "capacity unknown for some nodes; not checked", true);
  const capacity = others.reduce((sum, n) => sum + (n.maxRequestsPerSec ?? 0), 0);
  const figures =
    `${Math.round(total)} req/s now, ` + `${Math.round(capacity)} req/s capacity without ${node?.name ?? "it"}`;
  return capacity >= total ? pass(id, figures, true) : fail(id, `${figures}: not enough`, true);
}

// Guards of rejoin: a former primary becomes a standby of the current one (orchestrator's
// "re-attach", here planned and guarded like every other action).
import { fail, pass, type GuardNode, type GuardResult } from "./types.ts";

export function rejoinCandidate(node: GuardNode | undefined, primary: GuardNode | undefined): GuardResult {
  const id = "rejoin-candidate";
  if (!node) return fail(id, "no node to rejoin");
  if (node.name === primary?.name)
    return fail(id, `${node.name} is the primary: nothing to rejoin (switch over first)`);
  if (node.needsRejoin) return pass(id, `${node.name} is a former primary waiting to rejoin`);
  if (node.reportedRole === "PRIMARY")
    return pass(id, `${node.name} claims primary while the console's primary is ${primary?.name ?? "another node"}`);
  if (node.role === "STANDBY" || node.reportedRole === "STANDBY") return fail(id, `${node.name} is already a standby`);
  return fail(id, `${node.name} is ${node.role.toLowerCase()}, not a former primary`);
}

/** The rejoined node follows the primary: there must be one that serves. */
export function primaryServes(primary: GuardNode | undefined): GuardResult {
  const id = "primary-serves";
  if (!primary) return fail(id, "no primary to follow: fail over first");
  if (primary.state !== "HEALTHY")
    return fail(id, `${primary.name} is ${primary.state.toLowerCase()}: rejoin once it serves`);
  if (primary.fenced) return fail(id, `${primary.name} is fenced: it takes no writes to follow`);
  return pass(id, `${primary.name} is a healthy primary to follow`);
}

export function agentAvailable(node: GuardNode | undefined): GuardResult {
  const id = "agent-available";
  if (!node) return fail(id, "no node");
  return node.hasAgent
    ? pass(id, `${node.name}'s agent can be called`)
    : fail(id, `${node.name} has no agent the console can call`);
}

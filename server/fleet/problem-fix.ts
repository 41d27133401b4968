// The action a problem line offers as its next step. Pure: the standby to promote is the one the
// console itself would choose (bestStandby over the guards' figures), passed in by the caller.
import { bytes } from "../../lib/format.ts";
import type { ProblemFix } from "../../lib/status.ts";
import type { GuardNode } from "../guards/types.ts";

export type FailoverCandidate = Pick<GuardNode, "name" | "replicationMode" | "lagBytes">;

type NodeFixType = "rejoin" | "unfence" | "undrain";

const VERB: Record<"failover" | "switchover" | NodeFixType, string> = {
  failover: "Fail over to",
  switchover: "Switch over to",
  rejoin: "Rejoin",
  unfence: "Unfence",
  undrain: "Undrain",
};

/** A failover or switchover to the candidate, with what it would lose in the button's words. */
export function promoteFix(type: "failover" | "switchover", candidate: FailoverCandidate | null | undefined) {
  if (!candidate) return undefined;
  const figures = `${candidate.replicationMode ?? "standby"}, ${bytes(candidate.lagBytes ?? 0)} behind`;
  return { type, target: candidate.name, text: `${VERB[type]} ${candidate.name} — ${figures}` } satisfies ProblemFix;
}

export function nodeFix(type: NodeFixType, node: string): ProblemFix {
  return { type, target: node, text: `${VERB[type]} ${node}` };
}

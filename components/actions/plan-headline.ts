// A plan's verdict in one line: allowed, refused naming the guards that refuse it, or let through
// by an admin's overrides. Run follows the same verdict, so the button and the words never disagree.
import type { GuardResult } from "@/server/guards/types";

/** Each guard's failure in a few words, for the headline; the guard list keeps the full reason. */
const FAILED: Record<string, string> = {
  "target-exists": "no such node",
  "no-running-action": "another action is running",
  "not-paused": "paused",
  "target-healthy": "target not healthy",
  "target-serves": "target's service failing",
  "lag-within-rpo": "replication lag over the RPO budget",
  "primary-confirmed-down": "primary not confirmed down",
  "primary-demotable": "primary cannot be demoted",
  "no-split-brain": "split-brain",
  cooldown: "cooldown not over",
  "fencing-available": "old primary cannot be fenced",
  "expected-primary": "primary changed since planning",
  "data-loss-accepted": "possible data loss not accepted",
  "single-writer": "would make a second writer",
  "not-last-healthy": "last healthy node",
  "capacity-n-1": "not enough capacity without it",
  "weight-given": "no weight given",
  "rejoin-candidate": "not a former primary",
  "primary-serves": "no serving primary to follow",
  "agent-available": "no agent to call",
};

const words = (guards: GuardResult[]) => guards.map((g) => FAILED[g.id] ?? g.id).join(", ");

export interface PlanHeadline {
  verdict: "ok" | "overridden" | "refused";
  text: string;
}

export function planHeadline(guards: GuardResult[], overrides: string[]): PlanHeadline {
  const failing = guards.filter((g) => !g.ok);
  const overridden = failing.filter((g) => g.overridable && overrides.includes(g.id));
  const standing = failing.filter((g) => !overridden.includes(g));
  if (standing.length) return { verdict: "refused", text: `Refused: ${words(standing)}` };
  if (overridden.length)
    return { verdict: "overridden", text: `Refused guards overridden by admin: ${words(overridden)}` };
  return { verdict: "ok", text: "Allowed by every guard" };
}

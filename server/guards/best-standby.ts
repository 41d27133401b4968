// Which standby to promote when the choice is the console's (automatic failover, drills).
import type { GuardNode } from "./types.ts";

/** Standbys whose service answers first, then sync ones, then the least lag: the one that loses the least. */
export function bestStandby(nodes: GuardNode[], except: string[]): GuardNode | undefined {
  const rank = (n: GuardNode) => (n.failingAppChecks.length ? 2 : 0) + (n.replicationMode === "sync" ? 0 : 1);
  return nodes
    .filter((n) => n.role === "STANDBY" && n.state === "HEALTHY" && !except.includes(n.name))
    .sort((a, b) => rank(a) - rank(b) || (a.lagBytes ?? 0) - (b.lagBytes ?? 0))[0];
}

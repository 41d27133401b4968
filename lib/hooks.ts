// Hooks and client routes as the API and the pages name them: the phases of an action a hook runs
// at, and the kinds of each.
export const HOOK_PHASES = [
  "before_fence",
  "after_promote",
  "after_action",
  "on_failure",
  "before_drain",
  "after_drain",
] as const;
export type HookPhase = (typeof HOOK_PHASES)[number];

export const HOOK_PHASE_LABELS: Record<HookPhase, string> = {
  before_fence: "Before the old primary is fenced",
  after_promote: "After the new primary is promoted",
  after_action: "After the failover or switchover",
  on_failure: "When the action fails",
  before_drain: "Before a node is drained",
  after_drain: "After a node is drained",
};

/**
 * The phases before an action changes anything: only a required hook there stops it. Past a
 * promotion, stopping would leave a failover half done (standbys not repointed, nothing validated).
 */
export const STOPPING_PHASES: readonly HookPhase[] = ["before_fence", "before_drain"];

export const HOOK_KINDS = ["http", "command"] as const;
export type HookKind = (typeof HOOK_KINDS)[number];

export const ROUTE_KINDS = ["pgbouncer", "dns"] as const;
export type RouteKind = (typeof ROUTE_KINDS)[number];

/** The TSIG algorithms a DNS route's key may use. */
export const TSIG_ALGORITHMS = ["hmac-sha256", "hmac-sha512"] as const;

/** What a route does at each step of an action, as plans and their steps say it. */
export const ROUTE_OPS = ["pause", "point", "resume", "remove", "add"] as const;
export type RouteOp = (typeof ROUTE_OPS)[number];

/** A hook's time limit, and a route's: within what one agent call waits for. */
export const HOOK_TIMEOUT_LIMITS = { min: 100, max: 120_000 } as const;

// Every event type the console writes, in one catalog shared by server and browser: how bad it is,
// what it says, and whether it opens an alert (a condition) that a later event resolves. Writers
// take their `type` from it, and subscriptions (webhooks, a cluster's alert rules) are checked against it.

export type EventSeverity = "INFO" | "WARNING" | "CRITICAL";

/** A fixed severity, or `varies` with the rule its writer follows, in words. */
type SeverityRule = { severity: EventSeverity } | { severity: "varies"; rule: string };

export type EventSpec = SeverityRule & {
  description: string;
  /** It opens an alert that stays open (and is reminded of) until the `resolvedBy` event. */
  condition?: { resolvedBy: string };
  /** The condition this event ends: a PagerDuty alert triggered by that type is resolved by this one. */
  resolves?: string;
  /** Too frequent for '*': only endpoints that name it receive it (the outbox trigger says the same). */
  onlyByName?: true;
};

const LOSS = "CRITICAL for a primary, WARNING for any other node";

export const EVENT_TYPES = {
  "node.suspect": {
    severity: "WARNING",
    description: "A node missed a poll; it is down after failureThreshold misses in a row.",
    condition: { resolvedBy: "node.healthy" },
  },
  "node.healthy": {
    severity: "INFO",
    description: "A node that was suspect (not down) answers again.",
    resolves: "node.suspect",
  },
  "node.down": {
    severity: "varies",
    rule: LOSS,
    description: "A node failed failureThreshold polls in a row, or its agent says its process is gone.",
    condition: { resolvedBy: "node.recovered" },
  },
  "node.confirmed_down": {
    severity: "varies",
    rule: LOSS,
    description: "A down node that a majority of its peers cannot reach either: a primary may fail over.",
    condition: { resolvedBy: "node.recovered" },
  },
  "node.isolated": {
    severity: "varies",
    rule: LOSS,
    description: "The console cannot reach a node that its peers still reach: an alert, never a failover.",
    condition: { resolvedBy: "node.recovered" },
  },
  "node.recovered": { severity: "INFO", description: "A down node answers again.", resolves: "node.down" },
  "node.role_changed": { severity: "WARNING", description: "A node reports another role than it had." },
  "node.degraded": {
    severity: "varies",
    rule: "WARNING for a standby, CRITICAL for any other node",
    description: "A node answers but its service fails its application checks.",
    condition: { resolvedBy: "node.restored" },
  },
  "node.restored": {
    severity: "INFO",
    description: "A degraded node's application checks pass again.",
    resolves: "node.degraded",
  },
  "node.bad_document": {
    severity: "WARNING",
    description: "An agent answers with a status document outside the protocol; said once until a valid one.",
  },
  "node.rejoined": { severity: "INFO", description: "A former primary reports a standby: it rejoined." },
  "node.refenced": {
    severity: "WARNING",
    description: "A former primary came back claiming primary and was fenced again; rejoin it.",
  },
  "sentinel.failover": {
    severity: "WARNING",
    description: "Redis Sentinel made another node the primary of a cluster it manages; the console followed.",
  },
  "hook.failed": {
    severity: "WARNING",
    description: "A hook of an action did not succeed past its promotion, or a best-effort one; the action went on.",
  },
  "route.failed": {
    severity: "CRITICAL",
    description: "A client route (PgBouncer, DNS) could not be moved; the action went on, clients may go astray.",
  },
  "sentinel.repoint_failed": {
    severity: "CRITICAL",
    description: "Sentinel chose a new primary whose agent could not point the write path at it; asked again.",
  },
  "node.refence_failed": {
    severity: "CRITICAL",
    description: "A former primary came back claiming primary and could not be fenced: two writers possible.",
  },
  "lag.over": {
    severity: "WARNING",
    description: "A standby's replication lag is over the cluster's threshold.",
    condition: { resolvedBy: "lag.under" },
  },
  "lag.under": {
    severity: "INFO",
    description: "A standby's replication lag is back under the threshold.",
    resolves: "lag.over",
  },
  split_brain: {
    severity: "CRITICAL",
    description: "Two or more nodes report primary; failover is blocked until it is resolved.",
    condition: { resolvedBy: "split_brain.resolved" },
  },
  "split_brain.resolved": { severity: "INFO", description: "One primary again.", resolves: "split_brain" },
  "traffic.imbalance": {
    severity: "WARNING",
    description: "In an active-active cluster, a node's share of requests is off its weight by more than the limit.",
    condition: { resolvedBy: "traffic.balanced" },
  },
  "traffic.balanced": {
    severity: "INFO",
    description: "Traffic follows the weights again.",
    resolves: "traffic.imbalance",
  },
  "failover.refused": {
    severity: "CRITICAL",
    description: "The automatic policy's failover of a lost primary was not started; judged again while it lasts.",
  },
  "guard.override": { severity: "WARNING", description: "An admin overrode a guard to run an action." },
  "action.started": { severity: "INFO", description: "An action's first step starts." },
  "action.succeeded": { severity: "INFO", description: "Every step of an action succeeded." },
  "action.failed": {
    severity: "varies",
    rule: "WARNING when its steps were rolled back, CRITICAL otherwise",
    description: "A step of an action failed; the action stopped.",
  },
  "drill.result": {
    severity: "varies",
    rule: "INFO for a pass, WARNING for a fail or abort that restored the cluster, CRITICAL when not restored",
    description: "A drill finished, with its verdict and measurements.",
  },
  "drill.skipped": { severity: "WARNING", description: "A scheduled drill was not started, and why." },
  "audit.checkpoint": {
    severity: "varies",
    rule: "INFO when the audit chain verifies, CRITICAL when it is broken",
    description: "A signed checkpoint of the audit log's head, every minute the log grows.",
    onlyByName: true,
  },
} as const satisfies Record<string, EventSpec>;

export type EventType = keyof typeof EVENT_TYPES;

export const EVENT_TYPE_NAMES = Object.keys(EVENT_TYPES) as EventType[];

export function isEventType(value: string): value is EventType {
  return Object.hasOwn(EVENT_TYPES, value);
}

/** Levenshtein distance, one row at a time. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, substitution));
    }
    previous = row;
  }
  return previous[b.length]!;
}

/** The catalog's type nearest to `typo`, or null when none is near enough to be what was meant. */
export function suggestEventType(typo: string): EventType | null {
  const wanted = typo.trim().toLowerCase();
  let best: { type: EventType; cost: number } | null = null;
  for (const type of EVENT_TYPE_NAMES) {
    const cost = distance(wanted, type);
    if (!best || cost < best.cost) best = { type, cost };
  }
  // A third of the name may be wrong (`node.dwon`, `lag_over`); beyond that a guess misleads.
  return best && best.cost <= Math.max(2, Math.floor(best.type.length / 3)) ? best.type : null;
}

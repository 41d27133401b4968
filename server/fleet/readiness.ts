// How ready a cluster is for its next failure: a score out of 100 and the reasons behind it.
// Pure, so every boundary is unit-tested; readiness-inputs.ts gathers the inputs from the store.
import type { Mode } from "../../lib/modes.ts";
import type { Readiness, ReasonState } from "../../lib/status.ts";
import type { DetectionSettings } from "../detection/bound.ts";
import type { GuardNode } from "../guards/types.ts";
import { detectionVsRto, lagVsRpo, lastDrill, standbyCapacity, webhooks } from "./readiness-reasons.ts";

export type ReadinessNode = Pick<
  GuardNode,
  | "name"
  | "role"
  | "state"
  | "fenced"
  | "paused"
  | "replicationMode"
  | "trafficState"
  | "requestsPerSec"
  | "maxRequestsPerSec"
>;

export interface WebhookEndpointReach {
  /** The endpoint's description, else its host: its URL may carry a secret (Slack's do). */
  name: string;
  enabled: boolean;
  events: string[];
  /** The outcome of the last delivery attempted in the last 24 h, if any. */
  lastAttempt: "succeeded" | "failing" | null;
}

export interface ReadinessInput extends DetectionSettings {
  mode: Mode;
  now: number;
  lastPassedDrillAt: number | null;
  nodes: ReadinessNode[];
  rpoBudgetBytes: number;
  rpoBudgetSeconds: number;
  /** The worst replication lag of any node over the last 24 h; null where none was measured. */
  dayLag: { bytes: number | null; seconds: number | null };
  rtoTargetMs: number;
  alertEvents: string[];
  /** Every webhook endpoint of the console; the reason picks those this cluster's alerts reach. */
  endpoints: WebhookEndpointReach[];
}

const WEIGHT: Record<ReasonState, number> = { pass: 1, warn: 0.5, fail: 0 };

export function judgeReadiness(input: ReadinessInput): Readiness {
  // Replication lag means nothing for active-active: its reason is left out rather than scored.
  const reasons = [
    lastDrill(input),
    standbyCapacity(input),
    ...(input.mode === "active-passive" ? [lagVsRpo(input)] : []),
    detectionVsRto(input),
    webhooks(input),
  ];
  const score = Math.round((100 * reasons.reduce((sum, r) => sum + WEIGHT[r.state], 0)) / reasons.length);
  const worst = reasons.some((r) => r.state === "fail")
    ? "fail"
    : reasons.some((r) => r.state === "warn")
      ? "warn"
      : "pass";
  return { score, worst, reasons };
}

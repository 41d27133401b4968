// A cluster's status as the server judges it and the pages show it: its worst problem, its
// readiness for the next failure, its availability against the target.

export type ProblemSeverity = "critical" | "warning" | "info";

export interface Problem {
  severity: ProblemSeverity;
  text: string;
}

/** Clusters sort by their worst problem first; "none" is a cluster without one. */
export const PROBLEM_RANK: Record<ProblemSeverity | "none", number> = { critical: 0, warning: 1, info: 2, none: 3 };

export type ReasonState = "pass" | "warn" | "fail";
export type ReasonId = "last-drill" | "standby-capacity" | "lag-vs-rpo" | "detection-vs-rto" | "webhooks";

export interface ReadinessReason {
  id: ReasonId;
  state: ReasonState;
  text: string;
}

export interface Readiness {
  score: number;
  worst: ReasonState;
  reasons: ReadinessReason[];
}

export interface Availability {
  percent: number | null;
  target: number;
  observedMinutes: number;
  downMinutes: number;
  budgetMinutes: number;
  /** Share of the error budget used, 0..1 (and beyond when it is blown). */
  budgetUsed: number;
}

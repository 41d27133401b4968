// A cluster's status as the server judges it and the pages show it: its worst problem, its
// readiness for the next failure, its availability against the target.
import type { ActionType } from "./actions.ts";

export type ProblemSeverity = "critical" | "warning" | "info";

/** The action that fixes a problem, planned on the cluster page with this type and node preselected. */
export interface ProblemFix {
  type: ActionType;
  target: string;
  /** The button's words: "Fail over to orders-db-2 — sync, 0 B behind". */
  text: string;
}

export interface Problem {
  severity: ProblemSeverity;
  text: string;
  /** Left out where no action fixes it (a standby down, lag, an isolated primary). */
  fix?: ProblemFix;
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

// Actions as the API and the pages name them (DESIGN.md, "Action API"), and which fit each mode.
import type { Mode } from "./modes.ts";

export const ACTION_TYPES = [
  "failover",
  "switchover",
  "drain",
  "undrain",
  "set-weight",
  "fence",
  "unfence",
  "rejoin",
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/** The actions an operator may choose on a cluster of each mode, the usual one first. */
export const ACTIONS_FOR_MODE: Record<Mode, ActionType[]> = {
  "active-passive": ["switchover", "failover", "fence", "unfence", "rejoin"],
  "active-active": ["drain", "undrain", "set-weight"],
};

/** An action's status, as the API and the pages say it. */
export const ACTION_STATUSES = ["PENDING", "RUNNING", "SUCCEEDED", "FAILED", "ABORTED"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

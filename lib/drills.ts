// Drills as the API and the pages name them (DESIGN.md, "Guarded actions" → drill).
import type { Mode } from "./modes.ts";

export const SCENARIOS = ["primary-crash", "primary-partition", "standby-lag", "node-crash", "region-loss"] as const;
export type Scenario = (typeof SCENARIOS)[number];

export const PHASES = ["inject", "detect", "failover", "verify", "restore"] as const;
export type PhaseName = (typeof PHASES)[number];

/** The scenarios that fit a cluster of each mode. */
export const SCENARIOS_FOR_MODE: Record<Mode, Scenario[]> = {
  "active-passive": ["primary-crash", "primary-partition", "standby-lag", "region-loss"],
  "active-active": ["node-crash", "region-loss"],
};

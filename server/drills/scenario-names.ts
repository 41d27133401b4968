// Drill scenarios between the API's names and the store's enum (whose database values are the
// API's names too, but whose members Prisma must spell without hyphens).
import type { DrillScenario } from "../db/generated/enums.ts";
import type { Scenario } from "../../lib/drills.ts";

const STORED: Record<Scenario, DrillScenario> = {
  "primary-crash": "PRIMARY_CRASH",
  "primary-partition": "PRIMARY_PARTITION",
  "standby-lag": "STANDBY_LAG",
  "node-crash": "NODE_CRASH",
  "region-loss": "REGION_LOSS",
};

const API: Record<DrillScenario, Scenario> = {
  PRIMARY_CRASH: "primary-crash",
  PRIMARY_PARTITION: "primary-partition",
  STANDBY_LAG: "standby-lag",
  NODE_CRASH: "node-crash",
  REGION_LOSS: "region-loss",
};

export const storedScenario = (scenario: Scenario): DrillScenario => STORED[scenario];
export const apiScenario = (scenario: DrillScenario): Scenario => API[scenario];

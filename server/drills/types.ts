// A drill's request as the API takes it, and the stop conditions that abort it; the vocabulary
// (scenarios, phases) is lib/drills.ts.
import { z } from "zod";
import { SCENARIOS } from "../../lib/drills.ts";
import { isoDateTime, nameText, reasonText, safeText } from "../security/safe-input.ts";
import type { DrillParams } from "./stored.ts";

export const stopConditionsSchema = z
  .object({
    /** Abort when a healthy node's error rate passes this share of requests. */
    maxErrorRate: z.number().min(0.001, "at least 0.001").max(1).optional(),
    /** Abort when a standby lags more than this many bytes. */
    maxLagBytes: z.number().int().min(1024, "at least 1024").max(1e13).optional(),
  })
  .strict();

export const drillPlanRequestSchema = z.object({
  scenario: z.enum(SCENARIOS, { error: `one of ${SCENARIOS.join(", ")}` }),
  /** The node to fault, for standby-lag and node-crash; the console picks one when left out. */
  target: nameText.optional(),
  /** The region to lose, for region-loss; the primary's (or the first node's) when left out. */
  region: safeText(100).min(1).optional(),
  stopConditions: stopConditionsSchema.default({}),
});

export type DrillPlanRequest = z.infer<typeof drillPlanRequestSchema>;

export const drillStartSchema = drillPlanRequestSchema.extend({
  reason: reasonText,
  confirm: safeText(200).min(1, "type the cluster's name to confirm"),
});

export type DrillStartRequest = z.infer<typeof drillStartSchema>;

export const drillAbortSchema = z.object({ reason: reasonText });

/** Drill history's query: one cluster's or all, newest first, paged by creation time. */
export const drillListQuerySchema = z.object({
  cluster: nameText.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: isoDateTime("before must be an ISO datetime with an offset, e.g. 2026-12-24T00:00:00Z").optional(),
});

/** A drill's report; download=1 answers it as a file, for the export button. */
export const drillReportQuerySchema = z.object({ download: z.enum(["0", "1"], "download must be 0 or 1").optional() });

export type { DrillParams };
export type SimulatedFault = DrillParams["faults"][number]["fault"];

export interface StopConditions {
  maxErrorRate: number;
  maxLagBytes: number;
}

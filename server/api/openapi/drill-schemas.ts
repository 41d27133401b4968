// Drills as the drill API answers them (DESIGN.md, "Drills … API"; server/drills/read.ts).
import { z } from "zod";
import { PHASES, SCENARIOS } from "../../../lib/drills.ts";
import { drillParamsSchema, measurementsSchema } from "../../drills/stored.ts";
import { stepSchema } from "./action-schemas.ts";
import { component, isoTime } from "./components.ts";

const status = z.enum(["PLANNED", "RUNNING", "SUCCEEDED", "FAILED", "ABORTED"]);
const verdict = z.enum(["PASS", "FAIL", "ABORTED"]).nullable();
const measurements = measurementsSchema.omit({ promoted: true }).describe("null where not measured");

export const drillAcceptedSchema = component(
  "DrillAccepted",
  "A started drill, running unattended: follow it at /api/v1/drills/{id}.",
  z.object({ id: z.string(), status }),
);

export const drillAbortingSchema = component(
  "DrillAborting",
  "An abort under way: the drill restores the cluster, then ends ABORTED.",
  z.object({ id: z.string(), aborting: z.literal(true) }),
);

const phaseSchema = stepSchema.extend({
  name: z.enum(PHASES),
  plan: z.string().optional().describe("What the phase does in this drill."),
});

const eventSchema = z.object({
  id: z.string(),
  at: isoTime,
  type: z.string(),
  severity: z.enum(["INFO", "WARNING", "CRITICAL"]),
  summary: z.string(),
  node: z.string().nullable(),
});

export const drillSchema = component(
  "Drill",
  "A drill's report: phases, figures against the cluster's targets, verdict and its own events.",
  z.object({
    id: z.string(),
    cluster: z.string(),
    mode: z.enum(["active-passive", "active-active"]),
    scenario: z.enum(SCENARIOS),
    status,
    unattended: z.boolean(),
    scheduled: z.boolean(),
    reason: z.string(),
    startedBy: z.string(),
    faults: drillParamsSchema.shape.faults,
    failoverBy: z.enum(["automatic", "operator-run"]).nullable(),
    stopConditions: drillParamsSchema.shape.stopConditions,
    phases: z.array(phaseSchema),
    measurements,
    promoted: z.string().nullable(),
    targets: z.object({
      rtoTargetMs: z.number(),
      rpoBudgetBytes: z.number(),
      rpoBudgetSeconds: z.number(),
      detectionBoundMs: z.number(),
      checks: z.array(z.object({ id: z.enum(["detection", "rto", "rpo"]), ok: z.boolean(), reason: z.string() })),
    }),
    verdict,
    verdictDetail: z.string().nullable(),
    aborting: z.boolean(),
    abortReason: z.string().nullable(),
    createdAt: isoTime,
    startedAt: isoTime.nullable(),
    injectedAt: isoTime.nullable(),
    finishedAt: isoTime.nullable(),
    events: z.array(eventSchema),
  }),
);

export const drillListSchema = component(
  "DrillList",
  "Drills, newest first, with their outcome and figures.",
  z.object({
    drills: z.array(
      z.object({
        id: z.string(),
        cluster: z.string(),
        scenario: z.enum(SCENARIOS),
        status,
        verdict,
        unattended: z.boolean(),
        startedBy: z.string(),
        createdAt: isoTime,
        finishedAt: isoTime.nullable(),
        abortReason: z.string().nullable(),
        measurements,
      }),
    ),
  }),
);

// A drill's JSON columns as stored: parsed on read, never cast. The params are the plan a drill
// runs, fixed at its start; the measurements its figures.
import { z } from "zod";
import { PHASES } from "../../lib/drills.ts";

const faultSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("crash") }),
  z.object({ kind: z.literal("partition"), side: z.literal("all") }),
  z.object({ kind: z.literal("lag"), bytesPerSec: z.number() }),
]);

export const drillParamsSchema = z.object({
  target: z.string().nullable(),
  region: z.string().nullable(),
  faults: z.array(z.object({ node: z.string(), fault: faultSchema })),
  /** The primary when the drill started, and whether the drill takes it away. */
  primary: z.string().nullable(),
  expectFailover: z.boolean(),
  policy: z.enum(["MANUAL", "AUTOMATIC"]),
  stopConditions: z.object({ maxErrorRate: z.number(), maxLagBytes: z.number() }),
  phaseNotes: z.record(z.enum(PHASES), z.string()),
});

export type DrillParams = z.infer<typeof drillParamsSchema>;

export const measurementsSchema = z.object({
  detectionMs: z.number().nullable(),
  failoverMs: z.number().nullable(),
  rtoMs: z.number().nullable(),
  rpoBytes: z.number().nullable(),
  rpoSeconds: z.number().nullable(),
  errorRate: z.number().nullable(),
  /** The node that took over as primary, if one did. */
  promoted: z.string().nullable().optional(),
});

/** A drill's params as stored; a row that does not parse is a bug worth stopping on, named. */
export function readDrillParams(json: unknown): DrillParams {
  return drillParamsSchema.parse(json);
}

/** Stored figures; `{}` (a drill that never measured) reads as none. */
export function readMeasurements(json: unknown): z.infer<typeof measurementsSchema> | null {
  const parsed = measurementsSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

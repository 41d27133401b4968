// What the incident routes take besides their path: how many to list, and one incident's format.
import { z } from "zod";

export const incidentListQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

/** An incident as JSON, or as Markdown (the start of a postmortem). */
export const incidentFormatQuerySchema = z.object({
  format: z.enum(["json", "markdown"], "format must be json or markdown").optional(),
});

// An incident's id: the number of the event that opened it (event ids are bigints).
import { z } from "zod";

export const incidentId = z
  .string()
  .regex(/^[1-9][0-9]{0,17}$/, "An incident id is the number of the event that opened it.")
  .transform((text) => BigInt(text));

// What an operator sends to set or lift the global halt.
import { z } from "zod";
import { reasonText } from "../security/safe-input.ts";

export const haltRequestSchema = z.object({ active: z.boolean(), reason: reasonText });

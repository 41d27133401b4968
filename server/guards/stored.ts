// Guard verdicts as an action stores them (its `guards` column): parsed on read, never cast.
import { z } from "zod";
import type { GuardResult } from "./types.ts";

const guardResultsSchema = z.array(
  z.object({ id: z.string(), ok: z.boolean(), reason: z.string(), overridable: z.boolean() }),
);

/** The stored verdicts; a column that does not hold them (an action from before guards were kept) reads as none. */
export function readGuards(json: unknown): GuardResult[] {
  const parsed = guardResultsSchema.safeParse(json);
  return parsed.success ? parsed.data : [];
}

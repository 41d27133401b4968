import { z } from "zod";
import { apiCaller } from "@/server/api/authenticate";
import { parseQuery } from "@/server/api/body";
import { db } from "@/server/db/client";
import { listDrills } from "@/server/drills/read";
import { isoDateTime, nameText } from "@/server/security/safe-input";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  cluster: nameText.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: isoDateTime("before must be an ISO datetime with an offset, e.g. 2026-12-24T00:00:00Z").optional(),
});

/** Drill history, newest first: outcome and figures of each. */
export async function GET(request: Request) {
  const caller = await apiCaller(request, "viewer");
  if (caller instanceof Response) return caller;
  const query = parseQuery(request, querySchema);
  if (query instanceof Response) return query;
  const { before, ...rest } = query;
  return Response.json({ drills: await listDrills(db(), { ...rest, before: before ? new Date(before) : undefined }) });
}

import { apiCaller } from "@/server/api/authenticate";
import { parseQuery } from "@/server/api/body";
import { db } from "@/server/db/client";
import { listDrills } from "@/server/drills/read";
import { drillListQuerySchema } from "@/server/drills/types";

export const dynamic = "force-dynamic";

/** Drill history, newest first: outcome and figures of each. */
export async function GET(request: Request) {
  const caller = await apiCaller(request, "viewer");
  if (caller instanceof Response) return caller;
  const query = parseQuery(request, drillListQuerySchema);
  if (query instanceof Response) return query;
  const { before, ...rest } = query;
  return Response.json({ drills: await listDrills(db(), { ...rest, before: before ? new Date(before) : undefined }) });
}

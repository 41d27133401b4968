import { apiCaller, apiError } from "@/server/api/authenticate";
import { parseParams, parseQuery } from "@/server/api/body";
import { clusterPath } from "@/server/api/path-params";
import { db } from "@/server/db/client";
import { incidentListQuerySchema } from "@/server/incidents/incident-query";
import { listIncidents } from "@/server/incidents/read";

export const dynamic = "force-dynamic";

/** A cluster's incidents of the last 30 days, newest first. */
export async function GET(request: Request, { params }: { params: Promise<{ name: string }> }) {
  const caller = await apiCaller(request, "viewer");
  if (caller instanceof Response) return caller;
  const path = await parseParams(params, clusterPath);
  if (path instanceof Response) return path;
  const query = parseQuery(request, incidentListQuerySchema);
  if (query instanceof Response) return query;
  const incidents = await listIncidents(db(), path.name, query.limit);
  return incidents ? Response.json({ incidents }) : apiError(404, "not_found", `No cluster named ${path.name}.`);
}

import { apiCaller, apiError } from "@/server/api/authenticate";
import { parseParams, parseQuery } from "@/server/api/body";
import { incidentPath } from "@/server/api/path-params";
import { db } from "@/server/db/client";
import { incidentFormatQuerySchema } from "@/server/incidents/incident-query";
import { incidentMarkdown } from "@/server/incidents/markdown";
import { incidentDetail } from "@/server/incidents/read";

export const dynamic = "force-dynamic";

/** One incident with its timeline; `?format=markdown` as the start of a postmortem. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const caller = await apiCaller(request, "viewer");
  if (caller instanceof Response) return caller;
  const path = await parseParams(params, incidentPath);
  if (path instanceof Response) return path;
  const query = parseQuery(request, incidentFormatQuerySchema);
  if (query instanceof Response) return query;
  const incident = await incidentDetail(db(), path.id);
  if (!incident) return apiError(404, "not_found", `No incident ${path.id}.`);
  if (query.format !== "markdown") return Response.json(incident);
  return new Response(incidentMarkdown(incident), {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="incident-${incident.cluster}-${incident.id}.md"`,
    },
  });
}

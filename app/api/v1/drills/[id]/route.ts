import { apiCaller, apiError } from "@/server/api/authenticate";
import { parseParams, parseQuery } from "@/server/api/body";
import { idPath } from "@/server/api/path-params";
import { db } from "@/server/db/client";
import { drillDocument } from "@/server/drills/read";
import { drillReportQuerySchema } from "@/server/drills/types";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const caller = await apiCaller(request, "viewer");
  if (caller instanceof Response) return caller;
  const path = await parseParams(params, idPath);
  if (path instanceof Response) return path;
  const query = parseQuery(request, drillReportQuerySchema);
  if (query instanceof Response) return query;
  const drill = await drillDocument(db(), path.id);
  if (!drill) return apiError(404, "not_found", `No drill ${path.id}.`);
  const download = query.download === "1";
  return Response.json(
    drill,
    download
      ? { headers: { "content-disposition": `attachment; filename="drill-${drill.cluster}-${drill.id}.json"` } }
      : undefined,
  );
}

import { apiCaller, apiError } from "@/server/api/authenticate";
import { parseParams } from "@/server/api/body";
import { idPath } from "@/server/api/path-params";
import { deleteEndpoint } from "@/server/alerts/endpoints";
import { db } from "@/server/db/client";

export const dynamic = "force-dynamic";

export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const caller = await apiCaller(request, "admin");
  if (caller instanceof Response) return caller;
  const path = await parseParams(params, idPath);
  if (path instanceof Response) return path;
  const deleted = await deleteEndpoint(db(), caller, path.id);
  return deleted ? new Response(null, { status: 204 }) : apiError(404, "not_found", `No webhook endpoint ${path.id}.`);
}

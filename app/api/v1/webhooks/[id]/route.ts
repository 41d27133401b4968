import { apiCaller, apiError } from "@/server/api/authenticate";
import { deleteEndpoint } from "@/server/alerts/endpoints";
import { db } from "@/server/db/client";

export const dynamic = "force-dynamic";

export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const caller = await apiCaller(request, "admin");
  if (caller instanceof Response) return caller;
  const { id } = await params;
  const deleted = id.length <= 100 && (await deleteEndpoint(db(), caller, id));
  return deleted ? new Response(null, { status: 204 }) : apiError(404, "not_found", `No webhook endpoint ${id}.`);
}

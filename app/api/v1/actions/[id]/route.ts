import { actionDocument } from "@/server/actions/read";
import { apiCaller, apiError } from "@/server/api/authenticate";
import { db } from "@/server/db/client";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const caller = await apiCaller(request, "viewer");
  if (caller instanceof Response) return caller;
  const { id } = await params;
  const action = id.length <= 100 ? await actionDocument(db(), id) : null;
  return action ? Response.json(action) : apiError(404, "not_found", `No action ${id}.`);
}

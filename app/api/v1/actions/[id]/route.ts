import { actionDocument } from "@/server/actions/read";
import { apiCaller, apiError } from "@/server/api/authenticate";
import { parseParams } from "@/server/api/body";
import { idPath } from "@/server/api/path-params";
import { db } from "@/server/db/client";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const caller = await apiCaller(request, "viewer");
  if (caller instanceof Response) return caller;
  const path = await parseParams(params, idPath);
  if (path instanceof Response) return path;
  const action = await actionDocument(db(), path.id);
  return action ? Response.json(action) : apiError(404, "not_found", `No action ${path.id}.`);
}

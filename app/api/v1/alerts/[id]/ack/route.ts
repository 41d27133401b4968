import { acknowledgeAlert } from "@/server/alerts/acknowledge";
import { alertDocument } from "@/server/alerts/alert-document";
import { alertAckSchema } from "@/server/alerts/alert-input";
import { apiCaller, apiError } from "@/server/api/authenticate";
import { parseBody, parseParams } from "@/server/api/body";
import { idPath } from "@/server/api/path-params";
import { db } from "@/server/db/client";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const caller = await apiCaller(request, "operator");
  if (caller instanceof Response) return caller;
  const path = await parseParams(params, idPath);
  if (path instanceof Response) return path;
  const body = await parseBody(request, alertAckSchema);
  if (body instanceof Response) return body;
  const alert = await acknowledgeAlert(db(), caller, path.id, body.note ?? null);
  return alert ? Response.json(alertDocument(alert)) : apiError(404, "not_found", `No alert ${path.id}.`);
}

import { answerActionErrors } from "@/server/api/action-error";
import { apiCaller } from "@/server/api/authenticate";
import { parseBody, parseParams } from "@/server/api/body";
import { idPath } from "@/server/api/path-params";
import { db } from "@/server/db/client";
import { abortDrill } from "@/server/drills/operator";
import { drillAbortSchema } from "@/server/drills/types";

export const dynamic = "force-dynamic";

/** Aborts a running drill: it restores the cluster, then ends ABORTED. Idempotent. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const caller = await apiCaller(request, "operator");
  if (caller instanceof Response) return caller;
  const path = await parseParams(params, idPath);
  if (path instanceof Response) return path;
  const body = await parseBody(request, drillAbortSchema);
  if (body instanceof Response) return body;
  return answerActionErrors(async () =>
    Response.json(await abortDrill(db(), caller, path.id, body.reason), { status: 202 }),
  );
}

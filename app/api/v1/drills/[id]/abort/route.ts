import { z } from "zod";
import { answerActionErrors } from "@/server/api/action-error";
import { apiCaller } from "@/server/api/authenticate";
import { parseBody, parseParams } from "@/server/api/body";
import { idPath } from "@/server/api/path-params";
import { db } from "@/server/db/client";
import { abortDrill } from "@/server/drills/operator";
import { safeText } from "@/server/security/safe-input";

export const dynamic = "force-dynamic";

const abortSchema = z.object({ reason: safeText(1000).trim().min(3, "give a reason (at least 3 characters)") });

/** Aborts a running drill: it restores the cluster, then ends ABORTED. Idempotent. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const caller = await apiCaller(request, "operator");
  if (caller instanceof Response) return caller;
  const path = await parseParams(params, idPath);
  if (path instanceof Response) return path;
  const body = await parseBody(request, abortSchema);
  if (body instanceof Response) return body;
  return answerActionErrors(async () =>
    Response.json(await abortDrill(db(), caller, path.id, body.reason), { status: 202 }),
  );
}

import { requestAction } from "@/server/actions/request";
import { runRequestSchema } from "@/server/actions/types";
import { answerActionErrors } from "@/server/api/action-error";
import { apiCaller } from "@/server/api/authenticate";
import { parseBody, parseParams } from "@/server/api/body";
import { clusterPath } from "@/server/api/path-params";
import { db } from "@/server/db/client";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ name: string }> }) {
  const caller = await apiCaller(request, "operator");
  if (caller instanceof Response) return caller;
  const path = await parseParams(params, clusterPath);
  if (path instanceof Response) return path;
  const body = await parseBody(request, runRequestSchema);
  if (body instanceof Response) return body;
  return answerActionErrors(async () =>
    Response.json(await requestAction(db(), caller, path.name, body), { status: 202 }),
  );
}

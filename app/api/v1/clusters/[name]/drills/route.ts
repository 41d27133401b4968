import { answerActionErrors } from "@/server/api/action-error";
import { apiCaller } from "@/server/api/authenticate";
import { parseBody, parseParams } from "@/server/api/body";
import { clusterPath } from "@/server/api/path-params";
import { db } from "@/server/db/client";
import { listDrills } from "@/server/drills/read";
import { startDrill } from "@/server/drills/request";
import { drillStartSchema } from "@/server/drills/types";

export const dynamic = "force-dynamic";

/** Starts a drill that runs unattended: its phases advance by themselves to a verdict. */
export async function POST(request: Request, { params }: { params: Promise<{ name: string }> }) {
  const caller = await apiCaller(request, "operator");
  if (caller instanceof Response) return caller;
  const path = await parseParams(params, clusterPath);
  if (path instanceof Response) return path;
  const body = await parseBody(request, drillStartSchema);
  if (body instanceof Response) return body;
  return answerActionErrors(async () =>
    Response.json(await startDrill(db(), caller, path.name, body, { unattended: true }), { status: 202 }),
  );
}

export async function GET(request: Request, { params }: { params: Promise<{ name: string }> }) {
  const caller = await apiCaller(request, "viewer");
  if (caller instanceof Response) return caller;
  const path = await parseParams(params, clusterPath);
  if (path instanceof Response) return path;
  return Response.json({ drills: await listDrills(db(), { cluster: path.name, limit: 50 }) });
}

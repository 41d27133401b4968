import { answerActionErrors } from "@/server/api/action-error";
import { apiCaller, apiError } from "@/server/api/authenticate";
import { parseBody, parseParams } from "@/server/api/body";
import { clusterPath } from "@/server/api/path-params";
import { db } from "@/server/db/client";
import { routesReplaceSchema as replaceSchema } from "@/server/routes/route-input";
import { listRoutes, replaceRoutes } from "@/server/routes/routes";

export const dynamic = "force-dynamic";

const noCluster = (name: string) => apiError(404, "not_found", `No cluster named ${name}.`);

export async function GET(request: Request, { params }: { params: Promise<{ name: string }> }) {
  const caller = await apiCaller(request, "admin");
  if (caller instanceof Response) return caller;
  const path = await parseParams(params, clusterPath);
  if (path instanceof Response) return path;
  const routes = await listRoutes(db(), path.name);
  return routes ? Response.json(routes) : noCluster(path.name);
}

/** The whole list, and the client addresses of the nodes it names. */
export async function PUT(request: Request, { params }: { params: Promise<{ name: string }> }) {
  const caller = await apiCaller(request, "admin");
  if (caller instanceof Response) return caller;
  const path = await parseParams(params, clusterPath);
  if (path instanceof Response) return path;
  const body = await parseBody(request, replaceSchema);
  if (body instanceof Response) return body;
  const { reason, ...input } = body;
  return answerActionErrors(async () => {
    const done = await replaceRoutes(db(), caller, path.name, input, reason);
    return done ? Response.json(await listRoutes(db(), path.name)) : noCluster(path.name);
  });
}

import { answerActionErrors } from "@/server/api/action-error";
import { apiCaller, apiError } from "@/server/api/authenticate";
import { parseBody, parseParams } from "@/server/api/body";
import { clusterPath } from "@/server/api/path-params";
import { db } from "@/server/db/client";
import { hooksReplaceSchema as replaceSchema } from "@/server/hooks/hook-input";
import { listHooks, replaceHooks } from "@/server/hooks/hooks";

export const dynamic = "force-dynamic";

const noCluster = (name: string) => apiError(404, "not_found", `No cluster named ${name}.`);

export async function GET(request: Request, { params }: { params: Promise<{ name: string }> }) {
  const caller = await apiCaller(request, "admin");
  if (caller instanceof Response) return caller;
  const path = await parseParams(params, clusterPath);
  if (path instanceof Response) return path;
  const hooks = await listHooks(db(), path.name);
  return hooks ? Response.json({ hooks }) : noCluster(path.name);
}

/** The whole ordered list; the secrets of the http hooks it adds come back once. */
export async function PUT(request: Request, { params }: { params: Promise<{ name: string }> }) {
  const caller = await apiCaller(request, "admin");
  if (caller instanceof Response) return caller;
  const path = await parseParams(params, clusterPath);
  if (path instanceof Response) return path;
  const body = await parseBody(request, replaceSchema);
  if (body instanceof Response) return body;
  return answerActionErrors(async () => {
    const done = await replaceHooks(db(), caller, path.name, body.hooks, body.reason);
    return done
      ? Response.json({ hooks: await listHooks(db(), path.name), secrets: done.secrets })
      : noCluster(path.name);
  });
}

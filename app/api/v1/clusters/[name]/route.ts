import { apiCaller, apiError } from "@/server/api/authenticate";
import { parseParams } from "@/server/api/body";
import { clusterPath } from "@/server/api/path-params";
import { db } from "@/server/db/client";
import { clusterDocuments } from "@/server/fleet/cluster-document";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ name: string }> }) {
  const caller = await apiCaller(request, "viewer");
  if (caller instanceof Response) return caller;
  const path = await parseParams(params, clusterPath);
  if (path instanceof Response) return path;
  const [cluster] = await clusterDocuments(db(), path.name);
  return cluster ? Response.json(cluster) : apiError(404, "not_found", `No cluster named ${path.name}.`);
}

import { apiCaller, apiError } from "@/server/api/authenticate";
import { db } from "@/server/db/client";
import { clusterDocuments } from "@/server/fleet/cluster-document";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ name: string }> }) {
  const caller = await apiCaller(request, "viewer");
  if (caller instanceof Response) return caller;
  const { name } = await params;
  const [cluster] = name.length <= 200 ? await clusterDocuments(db(), name) : [];
  return cluster ? Response.json(cluster) : apiError(404, "not_found", `No cluster named ${name}.`);
}

import { apiCaller } from "@/server/api/authenticate";
import { db } from "@/server/db/client";
import { clusterDocuments } from "@/server/fleet/cluster-document";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const caller = await apiCaller(request, "viewer");
  if (caller instanceof Response) return caller;
  return Response.json({ clusters: await clusterDocuments(db()) });
}

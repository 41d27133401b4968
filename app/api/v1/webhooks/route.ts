import { apiCaller } from "@/server/api/authenticate";
import { parseBody } from "@/server/api/body";
import { createEndpoint, endpointInputSchema, listEndpoints } from "@/server/alerts/endpoints";
import { db } from "@/server/db/client";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const caller = await apiCaller(request, "admin");
  if (caller instanceof Response) return caller;
  return Response.json({ webhooks: await listEndpoints(db()) });
}

export async function POST(request: Request) {
  const caller = await apiCaller(request, "admin");
  if (caller instanceof Response) return caller;
  const body = await parseBody(request, endpointInputSchema);
  if (body instanceof Response) return body;
  return Response.json(await createEndpoint(db(), caller, body), { status: 201 });
}

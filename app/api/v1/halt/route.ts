import { apiCaller } from "@/server/api/authenticate";
import { parseBody } from "@/server/api/body";
import { db } from "@/server/db/client";
import { haltState, setHalt } from "@/server/halt/halt";
import { haltRequestSchema } from "@/server/halt/halt-request";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const caller = await apiCaller(request, "viewer");
  if (caller instanceof Response) return caller;
  return Response.json(await haltState(db()));
}

export async function POST(request: Request) {
  const caller = await apiCaller(request, "operator");
  if (caller instanceof Response) return caller;
  const body = await parseBody(request, haltRequestSchema);
  if (body instanceof Response) return body;
  return Response.json(await setHalt(db(), caller, body.active, body.reason));
}

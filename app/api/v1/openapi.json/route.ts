import { apiCaller } from "@/server/api/authenticate";
import { openApiDocument } from "@/server/api/openapi/document";

export const dynamic = "force-dynamic";

/** The REST API's OpenAPI 3.1 document; signed in or an API token, as every other read of the API. */
export async function GET(request: Request) {
  const caller = await apiCaller(request, "viewer");
  if (caller instanceof Response) return caller;
  return Response.json(openApiDocument());
}

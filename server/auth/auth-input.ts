// What /api/auth takes before better-auth and our sign-in limits see a request: a bounded body,
// writes as JSON from the console's own pages (browser-request.ts), and no text PostgreSQL cannot
// keep in its URL or body. A sign-in email holding a NUL once failed the limits' query with a 500.
import { UNSAFE_TEXT_MESSAGE } from "../../agent/protocol-limits.ts";
import { apiError } from "../api/authenticate.ts";
import { readBrowserRequest } from "../security/browser-request.ts";
import { unsafeJsonField, unsafeUrlField } from "../security/unsafe-text.ts";

type Handler = (request: Request) => Promise<Response>;

export async function checkAuthRequest(request: Request, handle: Handler): Promise<Response> {
  const read = await readBrowserRequest(request);
  if (read instanceof Response) return read;
  let body: unknown = null;
  try {
    if (read.text) body = JSON.parse(read.text);
  } catch {
    return apiError(400, "bad_request", "The body is not valid JSON.", { field: "(body)" });
  }
  const field = unsafeUrlField(new URL(request.url)) ?? unsafeJsonField(body);
  if (field) return apiError(400, "bad_request", `${field}: ${UNSAFE_TEXT_MESSAGE}`, { field });
  return handle(read.request);
}

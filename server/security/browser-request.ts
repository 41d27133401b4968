// What tRPC and /api/auth take before their libraries see a request: a body within its limit
// (refused by Content-Length before it is read, or as soon as a chunked one passes it) and, for a
// write, JSON from the console's own pages (same-origin.ts). Every request of theirs is a browser's:
// neither takes an API token.
import { apiError } from "../api/authenticate.ts";
import { env } from "../env.ts";
import { declaresMoreThan, MAX_BODY_BYTES, readBodyWithin, tooLargeMessage } from "./body-limit.ts";
import { crossSiteRefusal } from "./same-origin.ts";

export interface ReadRequest {
  /** The same request, its body now in memory, for the library to read again. */
  request: Request;
  text: string;
}

export async function readBrowserRequest(request: Request): Promise<ReadRequest | Response> {
  const tooLarge = () => apiError(413, "too_large", tooLargeMessage(MAX_BODY_BYTES));
  if (declaresMoreThan(request, MAX_BODY_BYTES)) return tooLarge();
  const refusal = crossSiteRefusal(request, env().CONSOLE_PUBLIC_URL);
  if (refusal) return apiError(403, "cross_site", refusal);
  if (!request.body) return { request, text: "" };
  const body = await readBodyWithin(request, MAX_BODY_BYTES);
  if (!body) return tooLarge();
  const { method, headers, signal } = request;
  return { request: new Request(request.url, { method, headers, signal, body }), text: new TextDecoder().decode(body) };
}

// tRPC over HTTP (/api/trpc): a batch of at most MAX_BATCH calls, a bounded body, writes and reads only
// from the console's own pages; then the fetch adapter. Once, a viewer's batch of 200 audit.chain calls
// held the server for 88 s.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { apiError } from "../api/authenticate.ts";
import { readBrowserRequest } from "../security/browser-request.ts";
import { env } from "../env.ts";
import { crossSiteReadRefusal, ownOrigin } from "../security/same-origin.ts";
import { createContext } from "./init.ts";
import { appRouter } from "./root.ts";

const ENDPOINT = "/api/trpc";
/** The client's httpBatchLink sends at most this many calls at once (components/trpc/client.tsx). */
const MAX_BATCH = 20;

function callCount(request: Request): number {
  return new URL(request.url).pathname.slice(ENDPOINT.length + 1).split(",").length;
}

export async function handleTrpcRequest(request: Request): Promise<Response> {
  const calls = callCount(request);
  if (calls > MAX_BATCH) {
    const message = `A batch holds at most ${MAX_BATCH} calls; this one has ${calls}.`;
    return apiError(400, "bad_request", message, { field: "(batch)" });
  }
  // Queries come over GET; a plan among them appends to the audit log in the caller's name.
  const foreign = request.method === "GET" ? crossSiteReadRefusal(request) : null;
  if (foreign) return apiError(403, "cross_site", foreign);
  const read = await readBrowserRequest(request);
  if (read instanceof Response) return read;
  const req = read.request;
  const context = () => createContext(req.headers, ownOrigin(req, env().CONSOLE_PUBLIC_URL));
  return fetchRequestHandler({ endpoint: ENDPOINT, req, router: appRouter, createContext: context });
}

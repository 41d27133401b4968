// The REST API's route handlers (app/api/v1/**/route.ts) served over real HTTP as Next.js serves
// them, without Next.js: a request goes to the route file its path matches, with the path's segments
// as params. For tests that call the API as a client on the network would (the CLI).
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { APP_DIR, routeFiles, urlTemplate } from "./route-files.ts";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

interface Route {
  pattern: RegExp;
  names: string[];
  file: string;
}

const routes: Route[] = routeFiles()
  .filter((route) => route.startsWith("api/v1/"))
  .map((route) => {
    const names = [...urlTemplate(route).matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "");
    const source = urlTemplate(route)
      .replace(/\./g, "\\.")
      .replace(/\{\w+\}/g, "([^/]+)");
    return { pattern: new RegExp(`^${source}$`), names, file: path.join(APP_DIR, route, "route.ts") };
  });

async function toRequest(message: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) if (typeof value === "string") headers.set(name, value);
  const body = chunks.length ? Buffer.concat(chunks) : undefined;
  return new Request(new URL(message.url ?? "/", origin), { method: message.method, headers, body });
}

async function answer(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  for (const route of routes) {
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    const handler = ((await import(route.file)) as Record<string, Handler | undefined>)[request.method];
    if (!handler) return new Response(null, { status: 405 });
    const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? "")]));
    return handler(request, { params: Promise.resolve(params) });
  }
  return Response.json({ error: "not_found", message: `No route ${pathname}.` }, { status: 404 });
}

export async function startRouteServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const server = createServer(async (message, reply) => {
    const origin = `http://${message.headers.host ?? "127.0.0.1"}`;
    const response = await answer(await toRequest(message, origin)).catch((error: unknown) => {
      console.error(error);
      return Response.json({ error: "internal", message: String(error) }, { status: 500 });
    });
    reply.writeHead(response.status, Object.fromEntries(response.headers));
    reply.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve()).closeAllConnections()),
  };
}

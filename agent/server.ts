// One node's agent endpoint, protocol v1: GET /v1/status and POST /v1/actions (idempotent, and
// refused from a console leader older than one already heard), and GET /metrics, all behind the
// node's bearer token.
import { createHash, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { Driver } from "./drivers/driver.ts";
import { EXPOSITION_CONTENT_TYPE } from "../lib/metrics-exposition.ts";
import { EpochFence } from "./epoch-fence.ts";
import type { HostSections } from "./host-actions.ts";
import { IdempotencyCache } from "./idempotency.ts";
import { agentMetrics } from "./metrics.ts";
import { OneAtATime } from "./one-at-a-time.ts";
import { perform } from "./perform.ts";
import { actionRequestSchema, firstProblem, type AgentActionResult } from "./protocol.ts";

const MAX_BODY_BYTES = 64 * 1024;

const digest = (value: string) => createHash("sha256").update(value).digest();

function send(response: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...(status === 401 ? { "www-authenticate": "Bearer" } : {}),
  });
  response.end(text);
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function createAgentServer(token: string, driver: Driver, host: HostSections = {}): Server {
  const expected = digest(`Bearer ${token}`);
  const authorized = (request: IncomingMessage) =>
    timingSafeEqual(digest(request.headers.authorization ?? ""), expected);
  const actions = new IdempotencyCache<AgentActionResult>();
  const epochs = new EpochFence();
  const changes = new OneAtATime();

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const path = (request.url ?? "/").split("?")[0];
    const route = `${request.method} ${path}`;
    // For orchestrators and load balancers, without a token: it says the process answers, nothing more.
    if (route === "GET /healthz") return send(response, 200, { status: "ok" });
    if (route !== "GET /v1/status" && route !== "POST /v1/actions" && route !== "GET /metrics") {
      return send(response, 404, {
        error: "not_found",
        message: "This agent serves GET /v1/status, POST /v1/actions and GET /metrics.",
      });
    }
    if (!authorized(request))
      return send(response, 401, { error: "unauthorized", message: "A valid agent token is required." });

    if (route === "GET /metrics") {
      // A lost node is lost to every caller; a slow one still answers its scraper at once.
      if (driver.gate().kind === "drop") return request.socket.destroy();
      const text = agentMetrics(await driver.status());
      response.writeHead(200, { "content-type": EXPOSITION_CONTENT_TYPE, "content-length": Buffer.byteLength(text) });
      return response.end(text);
    }

    if (route === "GET /v1/status") {
      const gate = driver.gate();
      if (gate.kind === "drop") return request.socket.destroy();
      if (gate.kind === "delay") await sleep(gate.ms);
      const status = await driver.status();
      // The agent answers but the node's service does not (no connection, no process): the poll
      // fails, as if the node itself were unreachable; the document says why.
      const down = status.checks?.some((c) => !c.ok && (c.layer === "network" || c.layer === "process"));
      return send(response, down ? 503 : 200, status);
    }

    const text = await readBody(request);
    if (text === null)
      return send(response, 413, { error: "too_large", message: `A request is at most ${MAX_BODY_BYTES} bytes.` });
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return send(response, 400, { error: "bad_request", field: "(body)", message: "The body is not valid JSON." });
    }
    const parsed = actionRequestSchema.safeParse(body);
    if (!parsed.success) {
      const { field, message } = firstProblem(parsed.error);
      return send(response, 400, { error: "bad_request", field, message: `${field}: ${message}` });
    }
    const action = parsed.data;
    // Judged before the cache and never cached: the new leader asking again with the same id must
    // get the first answer, not the refusal its paused predecessor got.
    const stale = epochs.admit(action.epoch);
    if (stale) {
      const refused: AgentActionResult = { id: action.id, status: "failed", detail: stale };
      return send(response, 200, refused);
    }
    const result = await actions.run(action.id, () =>
      changes.run(async () => ({ id: action.id, ...(await perform(driver, action, host)) })),
    );
    return send(response, 200, result);
  }

  return createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent)
        send(response, 500, { error: "internal", message: error instanceof Error ? error.message : String(error) });
    });
  });
}

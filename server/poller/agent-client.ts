// The console's side of GET /v1/status: one request with a hard timeout over kept-alive
// connections, answered as a PollResult (never a throw), the document checked against the protocol.
import http from "node:http";
import { z } from "zod";
import { checkSchema, firstProblem, statusSchema } from "../../agent/protocol.ts";
import type { PollResult } from "../detection/fleet.ts";

const MAX_BODY_BYTES = 256 * 1024;
const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 2, scheduling: "lifo" });

// Only checks the store can keep: their words end up in the node's events.
const downDocument = z.object({ checks: z.array(checkSchema).max(100).optional() });

/**
 * A 503 from an agent: its node's service is down; the failed checks say how, and whether its
 * process is gone for certain (not stopped, not slow): then the console need not wait.
 */
function serviceDown(body: string): { error: string; gone: boolean } {
  try {
    const checks = downDocument.safeParse(JSON.parse(body)).data?.checks ?? [];
    const failed = checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail ?? "failed"}`);
    const gone = checks.some((c) => c.layer === "process" && !c.ok && c.gone === true);
    if (failed.length)
      return { error: `the agent reports the service ${gone ? "gone" : "down"} (${failed.join("; ")})`, gone };
  } catch {
    // No document: the status code alone says it.
  }
  return { error: "the agent reports the service down (HTTP 503)", gone: false };
}

export function fetchStatus(
  agentUrl: string,
  token: string | null,
  nodeName: string,
  timeoutMs: number,
): Promise<PollResult> {
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) * 100) / 100;
  return new Promise((resolve) => {
    const fail = (error: string, latencyMs: number | null = null) => resolve({ ok: false, error, latencyMs });
    let url: URL;
    try {
      url = new URL("/v1/status", agentUrl);
    } catch {
      return fail(`agent URL ${agentUrl} is not a URL`);
    }
    const request = http.get(
      url,
      { agent: keepAlive, headers: token ? { authorization: `Bearer ${token}` } : {}, timeout: timeoutMs },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_BODY_BYTES) request.destroy(new Error("status document too large"));
          else chunks.push(chunk);
        });
        response.on("end", () => {
          clearTimeout(deadline);
          const latencyMs = elapsed();
          if (response.statusCode === 401) return fail("the agent refused the console's token (401)", latencyMs);
          if (response.statusCode === 503) {
            const { error, gone } = serviceDown(Buffer.concat(chunks).toString("utf8"));
            return resolve({ ok: false, error, latencyMs, ...(gone ? { gone } : {}) });
          }
          if (response.statusCode !== 200) return fail(`the agent answered HTTP ${response.statusCode}`, latencyMs);
          let body: unknown;
          try {
            body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
          } catch {
            return fail("the agent's answer is not JSON", latencyMs);
          }
          const parsed = statusSchema.safeParse(body);
          if (!parsed.success) {
            const badDocument = firstProblem(parsed.error);
            const error = `bad document: ${badDocument.field}: ${badDocument.message}`;
            return resolve({ ok: false, error, latencyMs, badDocument });
          }
          if (parsed.data.node.name !== nodeName)
            return fail(`the agent reports for node ${parsed.data.node.name}, not ${nodeName}`, latencyMs);
          resolve({ ok: true, status: parsed.data, latencyMs });
        });
        response.on("error", (error) => fail(error.message));
      },
    );
    // The socket timeout only notices idleness; this bounds the whole exchange.
    const deadline = setTimeout(() => request.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    request.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(deadline);
      fail(
        error.code === "ECONNREFUSED"
          ? "connection refused"
          : error.code === "ECONNRESET"
            ? "connection reset"
            : error.message,
      );
    });
  });
}

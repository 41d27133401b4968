// One webhook POST over node:http(s) to the address the policy passed (target.ts): the socket's
// lookup answers with that address whatever DNS says by then, while the Host header and TLS (SNI,
// the certificate check) keep the URL's name. At most an excerpt's worth of the answer is read.
// Never throws: a refusal, a failure or a timeout is part of the answer.
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { EXCERPT_BYTES, responseExcerpt } from "./excerpt.ts";
import { postError } from "./post-error.ts";
import { sendTarget, type Egress } from "./target.ts";

export const POST_TIMEOUT_MS = 10_000;

export interface WebhookAnswer {
  statusCode: number | null;
  excerpt: string | null;
  error: string | null;
  latencyMs: number;
}

type Reached = { url: URL; address: string; family: 4 | 6 };

function abortable<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.addEventListener("abort", abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", abort));
  });
}

function post({ url, address, family }: Reached, headers: Record<string, string>, body: string, signal: AbortSignal) {
  const pinned: LookupFunction = (_name, options, callback) =>
    options.all ? callback(null, [{ address, family }]) : callback(null, address, family);
  const client = url.protocol === "https:" ? https : http;
  const options = {
    method: "POST",
    headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
    // A connection of its own: a pooled one could lead to an address judged for another request.
    agent: false,
    lookup: pinned,
    signal,
  } as const;
  return new Promise<{ statusCode: number; bytes: Buffer }>((resolve, reject) => {
    let answered = false;
    const request = client.request(url, options, (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      let size = 0;
      response.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= EXCERPT_BYTES) response.destroy();
      });
      // Ended, cut at the excerpt's size, or broken off: the status came, and that is the answer.
      response.on("close", () => resolve({ statusCode: response.statusCode ?? 0, bytes: Buffer.concat(chunks) }));
    });
    request.on("error", (error) => answered || reject(error));
    request.end(body);
  });
}

export async function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  egress: Egress,
  timeoutMs = POST_TIMEOUT_MS,
): Promise<WebhookAnswer> {
  const started = performance.now();
  const signal = AbortSignal.timeout(timeoutMs);
  const answer = (statusCode: number | null, excerpt: string | null, error: string | null): WebhookAnswer => ({
    statusCode,
    excerpt,
    error,
    latencyMs: Math.round(performance.now() - started),
  });
  try {
    const target = await abortable(sendTarget(url, egress), signal);
    if ("refused" in target) return answer(null, null, `refused: ${target.refused}`);
    const { statusCode, bytes } = await post(target, headers, body, signal);
    return answer(statusCode, responseExcerpt(bytes.subarray(0, EXCERPT_BYTES)), null);
  } catch (failure) {
    return answer(null, null, postError(failure, timeoutMs, signal.aborted));
  }
}

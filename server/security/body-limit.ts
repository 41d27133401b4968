// Request bodies are read only up to a limit: a larger one is refused before it is read, by its
// Content-Length, or, sent in chunks, as soon as it passes the limit. Once, 100 MB bodies were
// read whole by anyone, signed in or not.

/** The largest body the REST API, tRPC and /api/auth read. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Whether the request says it carries more than `maxBytes`. */
export function declaresMoreThan(request: Request, maxBytes: number): boolean {
  const declared = Number(request.headers.get("content-length") ?? 0);
  return !Number.isFinite(declared) || declared > maxBytes;
}

/** The body's bytes, or null when it is (or says it is) larger than `maxBytes`. */
export async function readBodyWithin(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (declaresMoreThan(request, maxBytes)) return null;
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

export const tooLargeMessage = (maxBytes: number) => `A request body is at most ${maxBytes} bytes.`;

import { describe, expect, it } from "vitest";
import { readBodyWithin } from "./body-limit.ts";

/** A chunked body of `chunks` × 1 KiB that counts how much of it was pulled. */
function chunked(chunks: number, headers: Record<string, string> = {}) {
  const pulled = { bytes: 0 };
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ === chunks) return controller.close();
      pulled.bytes += 1024;
      controller.enqueue(new Uint8Array(1024).fill(120));
    },
  });
  const init = { method: "POST", body, headers, duplex: "half" } as RequestInit;
  return { request: new Request("http://localhost/x", init), pulled };
}

describe("readBodyWithin", () => {
  it("reads a body within the limit", async () => {
    const body = await readBodyWithin(new Request("http://localhost/x", { method: "POST", body: '{"a":1}' }), 100);
    expect(new TextDecoder().decode(body!)).toBe('{"a":1}');
    const { request } = chunked(4);
    expect((await readBodyWithin(request, 4096))?.byteLength).toBe(4096);
  });

  it("refuses by Content-Length without reading a byte", async () => {
    const { request, pulled } = chunked(100, { "content-length": String(100 * 1024) });
    expect(await readBodyWithin(request, 64 * 1024)).toBeNull();
    expect(pulled.bytes).toBeLessThanOrEqual(1024);
  });

  it("stops a chunked body as soon as it passes the limit", async () => {
    const { request, pulled } = chunked(100_000);
    expect(await readBodyWithin(request, 8 * 1024)).toBeNull();
    expect(pulled.bytes).toBeLessThanOrEqual(10 * 1024);
  });

  it("reads an absent body as empty", async () => {
    expect((await readBodyWithin(new Request("http://localhost/x"), 10))?.byteLength).toBe(0);
  });
});

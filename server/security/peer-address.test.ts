// The peer stamp over real HTTP on 127.0.0.1, and which address the sign-in limits take from it.
import { createServer, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address.ts";
import { PEER_HEADER, stampPeerAddresses } from "./peer-address.ts";

/** One real request over 127.0.0.1 with the given headers; answers what the server read as the client. */
async function addressSeenBy(hops: number, headers: Record<string, string>): Promise<string | null> {
  let seen: IncomingHttpHeaders = {};
  const server = createServer((req, res) => {
    seen = req.headers;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest({ host: "127.0.0.1", port, headers }, (res) => res.resume().on("end", resolve));
      req.on("error", reject).end();
    });
  } finally {
    server.close();
  }
  const webHeaders = new Headers();
  for (const [name, value] of Object.entries(seen)) if (typeof value === "string") webHeaders.set(name, value);
  return clientAddress(webHeaders, hops);
}

describe("the peer address stamp", () => {
  stampPeerAddresses();

  it("is the socket's address, whatever X-Forwarded-For or stamp the client sends", async () => {
    const forged = { "x-forwarded-for": "1.2.3.4", [PEER_HEADER]: "0123456789abcdef 5.6.7.8" };
    expect(await addressSeenBy(0, forged)).toBe("127.0.0.1");
  });

  it("gives way to X-Forwarded-For only as far as proxies are trusted", async () => {
    expect(await addressSeenBy(1, { "x-forwarded-for": "1.2.3.4, 9.9.9.9" })).toBe("9.9.9.9");
    expect(await addressSeenBy(2, { "x-forwarded-for": "1.2.3.4, 9.9.9.9" })).toBe("1.2.3.4");
    expect(await addressSeenBy(1, {})).toBe("127.0.0.1");
  });
});

describe("without a stamp", () => {
  it("the address is unknown when no proxy is trusted", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.2.3.4" }), 0)).toBeNull();
  });
});

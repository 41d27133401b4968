// The caller's address for abuse limits. With no trusted proxy it is the socket's peer: a client
// can write any X-Forwarded-For, and Next.js passes a client's own header on. Each trusted proxy
// appends the address it was reached from, so with N of them the client is the Nth entry from the
// end (the one the outermost trusted proxy wrote).
import { peerAddress } from "./peer-address.ts";

const MAX_ADDRESS_LENGTH = 64;

export function clientAddress(headers: Headers, trustedProxyHops: number): string | null {
  const peer = peerAddress(headers);
  if (trustedProxyHops === 0) return peer;
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const address = chain.at(-trustedProxyHops) ?? chain[0] ?? peer;
  return address?.slice(0, MAX_ADDRESS_LENGTH) ?? null;
}

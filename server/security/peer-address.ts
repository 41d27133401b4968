// `next start` gives route handlers no socket, and passes on an X-Forwarded-For that a client made
// up, so the server process stamps every request with the address of the socket it came on before
// Next.js reads it. Installed once per process from instrumentation.ts.
import { randomBytes } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

export const PEER_HEADER = "x-ha-console-peer";

// A stamp carries this process's secret proof: a request that arrived before stamping began could
// carry a forged header. On globalThis because Next.js bundles instrumentation and routes apart.
const holder = globalThis as unknown as { haConsolePeerProof?: string; haConsolePeerStamping?: boolean };

const proof = () => (holder.haConsolePeerProof ??= randomBytes(16).toString("hex"));

/** The header value that says "this request came from `address`". */
export function peerStamp(address: string): string {
  return `${proof()} ${address}`;
}

// Node publishes on this channel before it emits "request", so the stamp is there for any handler.
function stamp(message: unknown) {
  const { request, socket } = message as { request: IncomingMessage; socket: Socket };
  request.headers[PEER_HEADER] = peerStamp(socket.remoteAddress ?? "");
}

export function stampPeerAddresses(): void {
  if (holder.haConsolePeerStamping) return;
  holder.haConsolePeerStamping = true;
  subscribe("http.server.request.start", stamp);
}

/** The address of the socket the request came on, or null when no genuine stamp is present. */
export function peerAddress(headers: Headers): string | null {
  const own = holder.haConsolePeerProof;
  const [given, address] = (headers.get(PEER_HEADER) ?? "").split(" ");
  if (!own || given !== own || !address) return null;
  // An IPv4 client of a dual-stack socket shows as ::ffff:a.b.c.d; one client, one key.
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
}

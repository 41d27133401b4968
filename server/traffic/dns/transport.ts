// One request, one answer: over UDP first, and over TCP (RFC 7766 length-prefixed) when the UDP
// answer comes back truncated or the request is too large for a datagram without EDNS. Both share
// one deadline, so the caller's timeout bounds the whole.
import { createSocket } from "node:dgram";
import { connect, isIP } from "node:net";
import { FLAG } from "./codes.ts";
import { type Endpoint, timeoutError, unreachableError } from "./errors.ts";

/** Datagrams are resent this many times within the timeout: one lost packet should not fail a failover. */
const UDP_SENDS = 3;
/** The most a datagram may carry without EDNS (RFC 1035 section 4.2.1). */
const UDP_MAX = 512;

/** Truncated, and the answer to this request: another id is left for the caller to reject. */
const truncated = (answer: Buffer, request: Buffer) =>
  answer.length >= 4 && answer.readUInt16BE(0) === request.readUInt16BE(0) && (answer.readUInt16BE(2) & FLAG.TC) !== 0;

const socketProblem = (error: Error & { code?: string }) =>
  error.code === "ECONNREFUSED" ? "connection refused: nothing listens there" : error.message;

/** Settles once; whatever the exchange opened is closed by `cleanup` first. */
function settleOnce<T>(resolve: (value: T) => void, reject: (error: Error) => void, cleanup: () => void) {
  let done = false;
  return {
    ok(value: T) {
      if (done) return;
      done = true;
      cleanup();
      resolve(value);
    },
    fail(error: Error) {
      if (done) return;
      done = true;
      cleanup();
      reject(error);
    },
  };
}

function overUdp(server: Endpoint, request: Buffer, timeoutMs: number, what: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = createSocket(isIP(server.host) === 6 ? "udp6" : "udp4");
    const timers: NodeJS.Timeout[] = [];
    const settle = settleOnce(resolve, reject, () => {
      for (const timer of timers) clearTimeout(timer);
      socket.close();
    });
    const send = () =>
      socket.send(request, (error) => error && settle.fail(unreachableError(server, what, socketProblem(error))));
    socket.on("error", (error) => settle.fail(unreachableError(server, what, socketProblem(error))));
    // A connected socket takes datagrams from the server's address and port only.
    socket.on("message", (answer) => settle.ok(answer));
    socket.connect(server.port, server.host, () => {
      for (let i = 1; i < UDP_SENDS; i++) timers.push(setTimeout(send, (timeoutMs * i) / UDP_SENDS));
      send();
    });
    timers.push(setTimeout(() => settle.fail(timeoutError(server, what, timeoutMs)), timeoutMs));
  });
}

function overTcp(server: Endpoint, request: Buffer, timeoutMs: number, what: string, totalMs: number) {
  return new Promise<Buffer>((resolve, reject) => {
    const socket = connect({ host: server.host, port: server.port });
    const timer = setTimeout(() => settle.fail(timeoutError(server, what, totalMs)), timeoutMs);
    const settle = settleOnce(resolve, reject, () => {
      clearTimeout(timer);
      socket.destroy();
    });
    let received = Buffer.alloc(0);
    const length = Buffer.alloc(2);
    length.writeUInt16BE(request.length);
    socket.on("connect", () => socket.write(Buffer.concat([length, request])));
    socket.on("data", (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (received.length >= 2 && received.length >= 2 + received.readUInt16BE(0)) {
        settle.ok(received.subarray(2, 2 + received.readUInt16BE(0)));
      }
    });
    socket.on("error", (error) => settle.fail(unreachableError(server, what, `over TCP: ${socketProblem(error)}`)));
    socket.on("close", () => settle.fail(unreachableError(server, what, "it closed the TCP connection unanswered")));
  });
}

/** The server's answer to `request`, or a DnsError (TIMEOUT, UNREACHABLE) when none came in `timeoutMs`. */
export async function exchangeBytes(server: Endpoint, request: Buffer, timeoutMs: number, what: string) {
  if (request.length > UDP_MAX) return overTcp(server, request, timeoutMs, what, timeoutMs);
  const started = performance.now();
  const answer = await overUdp(server, request, timeoutMs, what);
  if (!truncated(answer, request)) return answer;
  const left = Math.max(1, timeoutMs - (performance.now() - started));
  return overTcp(server, request, left, what, timeoutMs);
}

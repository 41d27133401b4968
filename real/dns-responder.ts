// A UDP "DNS server" of the test's own on 127.0.0.1: it answers each datagram with whatever the
// test makes of it (garbage, a forged answer, a real server's answer tampered with) or stays silent.
import { createSocket } from "node:dgram";

export interface UdpResponder {
  port: number;
  close(): Promise<void>;
}

/** `reply` turns a request into the datagram sent back, or null to send nothing. */
export async function startResponder(reply: (request: Buffer) => Promise<Buffer | null>): Promise<UdpResponder> {
  const socket = createSocket("udp4");
  socket.on("message", (request, from) => {
    void reply(request).then((answer) => answer && socket.send(answer, from.port, from.address));
  });
  await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve));
  return {
    port: socket.address().port,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

/** A server's answer to `request`, asked over UDP from a socket of its own. */
export function relay(request: Buffer, port: number): Promise<Buffer> {
  const socket = createSocket("udp4");
  return new Promise<Buffer>((resolve, reject) => {
    socket.once("message", (answer) => resolve(answer));
    socket.once("error", reject);
    socket.send(request, port, "127.0.0.1");
  }).finally(() => socket.close());
}

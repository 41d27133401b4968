// A TCP connect with a deadline: the network layer check and the peers' view.
import { connect } from "node:net";

export function tcpCheck(
  host: string,
  port: number,
  timeoutMs: number,
): Promise<{ ok: boolean; latencyMs: number; error?: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean, error?: string) => {
      socket.destroy();
      resolve({ ok, latencyMs: Math.round((performance.now() - started) * 100) / 100, ...(error ? { error } : {}) });
    };
    socket.setTimeout(timeoutMs, () => done(false, `no connection within ${timeoutMs} ms`));
    socket.once("connect", () => done(true));
    socket.once("error", (error: NodeJS.ErrnoException) =>
      done(false, error.code === "ECONNREFUSED" ? "connection refused" : error.message),
    );
  });
}

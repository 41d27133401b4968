// A TCP connect with a deadline: the network layer check and the peers' view.
import { connect } from "node:net";

export function tcpCheck(
  host: string,
  port: number,
  timeoutMs: number,
): Promise<{ ok: boolean; latencyMs: number; error?: string; refused?: true }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean, error?: string, refused = false) => {
      socket.destroy();
      const latencyMs = Math.round((performance.now() - started) * 100) / 100;
      resolve({ ok, latencyMs, ...(error ? { error } : {}), ...(refused ? { refused: true as const } : {}) });
    };
    socket.setTimeout(timeoutMs, () => done(false, `no connection within ${timeoutMs} ms`));
    socket.once("connect", () => done(true));
    // Refused: the host answered that nothing listens there, unlike a timeout, which may be the network.
    socket.once("error", (error: NodeJS.ErrnoException) =>
      error.code === "ECONNREFUSED" ? done(false, "connection refused", true) : done(false, error.message),
    );
  });
}

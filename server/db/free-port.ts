// A port for a server a test or the embedded default starts on 127.0.0.1. Taken from below the
// kernel's ephemeral range: a port in that range, free a moment ago, may be handed to any outgoing
// connection while its server is down (a crashed PostgreSQL being restored as a standby), and its
// start then fails with "Address already in use". Ports at or above the range are not used.
import { readFileSync } from "node:fs";
import { createServer } from "node:net";

const LOWEST = 10_000;
const TRIES = 50;

/** The first port the kernel may hand out to outgoing connections (Linux: 32768 by default). */
function ephemeralStart(): number {
  try {
    const low = Number(readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > LOWEST + 1_000 ? low : 0;
  } catch {
    return 0;
  }
}

function listenOn(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once("error", () => resolve(null));
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const bound = typeof address === "object" && address ? address.port : null;
      server.close(() => resolve(bound));
    });
  });
}

/** A TCP port on 127.0.0.1 that was free a moment ago, outside the ephemeral range where there is room. */
export async function freePort(): Promise<number> {
  const below = ephemeralStart();
  for (let i = 0; below && i < TRIES; i++) {
    const port = await listenOn(LOWEST + Math.floor(Math.random() * (below - LOWEST)));
    if (port !== null) return port;
  }
  const any = await listenOn(0);
  if (any === null) throw new Error("no free TCP port on 127.0.0.1");
  return any;
}

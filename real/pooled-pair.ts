// A PostgreSQL pair with Debian's PgBouncer in front: the writer goes through the pool (a client
// patient enough to wait through a pause), and both agents reach PgBouncer's admin console (their
// `pgbouncer` section), so a client route of the cluster can pause, point and resume it.
import pg from "pg";
import { type Pgbouncer, startPgbouncer } from "./pgbouncer.ts";
import { startPair } from "./postgres-pair.ts";
import type { RealPair, StartPair } from "./system.ts";
import { startWriter } from "./writer.ts";

/** The pool clients use, in PgBouncer's [databases]. */
export const POOL = "app";

async function poolSession(bouncer: Pgbouncer) {
  const client = new pg.Client({
    host: "127.0.0.1",
    port: bouncer.port,
    database: POOL,
    ...bouncer.client,
    connectionTimeoutMillis: 15_000,
    query_timeout: 15_000,
  });
  client.on("error", () => undefined);
  await client.connect();
  return {
    write: async (n: number) => void (await client.query("INSERT INTO writes (n) VALUES ($1)", [n])),
    close: () => client.end(),
  };
}

/** A StartPair for the rig, and the PgBouncer of the pair it last started. */
export function pooledPair(): { start: StartPair; bouncer: () => Pgbouncer } {
  let last: Pgbouncer | null = null;
  const start: StartPair = async (opts) => {
    const pair = await startPair(opts);
    const primary = pair.nodes[0].port;
    const bouncer = await startPgbouncer(pair.base, pair.user, [
      `${POOL} = host=127.0.0.1 port=${primary} dbname=postgres user=postgres`,
    ]);
    last = bouncer;
    const section = { port: bouncer.port, ...bouncer.admin, databasesFile: bouncer.databasesFile };
    const pooled: RealPair = {
      ...pair,
      agentDriver: (i, peer) => ({ ...pair.agentDriver(i, peer), pgbouncer: section }),
      startWriter: () => startWriter(() => poolSession(bouncer)),
      async stop() {
        await bouncer.stop();
        await pair.stop();
      },
    };
    return pooled;
  };
  return {
    start,
    bouncer: () => {
      if (!last) throw new Error("no pooled pair started yet");
      return last;
    },
  };
}

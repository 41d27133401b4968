// A primary that wrote what its standby never received, then crashed, rejoins as a standby of the
// promoted one: pg_rewind takes the diverged history back, and the node keeps its own configuration
// (pg_rewind copies the source's postgresql.auto.conf, port included, over the target's).
import path from "node:path";
import pg from "pg";
import { afterEach, expect, it } from "vitest";
import { postgresqlSchema } from "../agent/drivers/postgresql/config.ts";
import { crash, demote } from "../agent/drivers/postgresql/control.ts";
import { run } from "../agent/drivers/postgresql/os-user.ts";
import { BIN, startPair, type Pair } from "./postgres-pair.ts";

let pair: Pair | undefined;

afterEach(async () => {
  await pair?.stop();
  pair = undefined;
});

async function query<T extends pg.QueryResultRow>(port: number, text: string): Promise<T[]> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", database: "postgres" });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

it("rejoins a diverged, crashed primary as a standby of the promoted one, on its own port", async () => {
  pair = await startPair({ sync: false });
  const [old, promoted] = pair.nodes;
  const ctl = (dataDir: string, ...args: string[]) =>
    run(path.join(BIN, "pg_ctl"), [...args, "-D", dataDir, "-w", "-t", "60"], pair!.user);
  const config = (server: typeof old) =>
    postgresqlSchema.parse({
      port: server.port,
      dataDir: server.dataDir,
      binDir: BIN,
      osUser: pair!.user ? "postgres" : undefined,
      peers: [],
    });

  // The standby stops; the primary writes on alone (history the standby never sees), then crashes.
  await ctl(promoted.dataDir, "stop", "-m", "fast");
  await query(old.port, "INSERT INTO writes (n) SELECT g FROM generate_series(1, 1000) g");
  expect(await crash(config(old), pair.user, "immediate")).toBe("stopped immediately (crash)");
  // The standby is promoted: a new timeline, without the rows the old primary wrote alone.
  await ctl(promoted.dataDir, "start", "-l", path.join(pair.base, "promoted.log"));
  await query(promoted.port, "SELECT pg_promote()");
  await query(promoted.port, "INSERT INTO writes (n) VALUES (-1)");

  const upstream = { name: promoted.name, host: "127.0.0.1", port: promoted.port };
  const detail = await demote(config(old), pair.user, upstream, old.name);

  expect(detail).toBe(`rewound, started as a standby of ${promoted.name}`);
  const [state] = await query<{ recovery: boolean; port: string }>(
    old.port,
    "SELECT pg_is_in_recovery() AS recovery, current_setting('port') AS port",
  );
  expect(state).toEqual({ recovery: true, port: String(old.port) });
  for (let i = 0; i < 100; i++) {
    const rows = await query<{ n: string }>(old.port, "SELECT n FROM writes ORDER BY n");
    if (rows.length === 1) {
      expect(rows).toEqual([{ n: "-1" }]);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the rejoined node never replayed the promoted primary's write");
}, 120_000);

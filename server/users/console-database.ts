// The console's own database for a command run on its server: DATABASE_URL when set; otherwise the
// embedded PostgreSQL in the data folder — the running one when the console (or its database) is
// up, else started here the way `npm start` starts it, holding the data folder's lock meanwhile so
// a console started at the same moment stops with a clear message, and stopped afterwards.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { createDb, type Db } from "../db/client.ts";
import { startEmbeddedPostgres } from "../db/embedded-postgres.ts";
import { migrate } from "../db/migrate.ts";
import { isPostmasterOf } from "../db/stale-postmaster.ts";
import type { LaunchConfig } from "../launch/config.ts";
import { lockDataDir } from "../launch/data-dir-lock.ts";

const DATABASE = "ha_console";
const SUPERUSER = "postgres";

/** The port of the PostgreSQL running on `pgdata`, from its postmaster.pid (pid first, port fourth). */
function runningPort(pgdata: string): number | null {
  const pidFile = path.join(pgdata, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return Number.isInteger(pid) && pid > 0 && isPostmasterOf(pid, pgdata) && Number.isInteger(port) ? port : null;
}

async function withUrl<T>(url: string, work: (db: Db) => Promise<T>): Promise<T> {
  const db = createDb(url);
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}

export async function withConsoleDatabase<T>(config: LaunchConfig, work: (db: Db) => Promise<T>): Promise<T> {
  if (config.databaseUrl) return withUrl(config.databaseUrl, work);
  const pgdata = path.join(config.dataDir, "pgdata");
  if (!existsSync(path.join(pgdata, "PG_VERSION"))) {
    throw new Error(
      `No console database in ${config.dataDir}. Set CONSOLE_DATA_DIR to the console's data folder, or DATABASE_URL.`,
    );
  }
  const port = runningPort(pgdata);
  if (port !== null) {
    const password = readFileSync(path.join(config.dataDir, "pg-password"), "utf8").trim();
    return withUrl(`postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`, work);
  }
  const unlock = lockDataDir(config.dataDir);
  try {
    const postgres = await startEmbeddedPostgres({ root: config.dataDir, database: DATABASE });
    try {
      // The code may be newer than the database: bring the schema up to date as `npm start` would.
      await migrate(postgres.url);
      return await withUrl(postgres.url, work);
    } finally {
      await postgres.stop();
    }
  } finally {
    unlock();
  }
}

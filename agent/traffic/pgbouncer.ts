// `pgbouncer` (protocol v1.3): a pool held (PAUSE: running transactions end, new ones wait), let go
// (RESUME), or pointed at another server (its line rewritten, RELOAD, and SHOW DATABASES showing the
// new address), so clients of the pool wait through a switchover rather than fail.
import { setTimeout as sleep } from "node:timers/promises";
import { duration } from "../../lib/format.ts";
import type { ActionOutcome } from "../drivers/driver.ts";
import type { PgbouncerParams } from "../protocol-host-actions.ts";
import { type AdminSession, address, quoted, withAdmin } from "./pgbouncer-admin.ts";
import type { PgbouncerConfig } from "./pgbouncer-config.ts";
import { pointDatabase } from "./pgbouncer-databases.ts";

/** What PgBouncer answers a PAUSE of a paused pool (or RESUME of a running one): the wanted state holds. */
const ALREADY = { pause: /already (suspended|paused)/i, resume: /not paused/i };
/** RELOAD applies the file at once; a little longer covers a busy PgBouncer. */
const VERIFY_MS = 3_000;
const VERIFY_EVERY_MS = 100;

/**
 * The pools paused with a hold, and the timer that resumes each: a pause must never outlive the
 * action that asked for it, even when the console that was to resume it is gone.
 */
const holds = new Map<string, NodeJS.Timeout>();

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function steerPgbouncer(
  config: PgbouncerConfig | undefined,
  params: PgbouncerParams,
): Promise<ActionOutcome> {
  if (!config) return { status: "unsupported", detail: "this agent has no pgbouncer section" };
  const at = `pgbouncer ${address(config)}`;
  if (params.database === "pgbouncer")
    return { status: "failed", detail: `${at}: pgbouncer is PgBouncer's admin console, not a pool` };
  try {
    const pool = `${address(config)}/${params.database}`;
    // Whatever is asked next of the pool replaces the resume a pause left pending.
    clearTimeout(holds.get(pool));
    holds.delete(pool);
    const detail =
      params.op === "point"
        ? await point(config, params.database, params.host, params.port)
        : await holdOrRelease(config, params.op, params.database);
    if (params.op === "pause" && params.holdMs) {
      const release = () => {
        holds.delete(pool);
        void holdOrRelease(config, "resume", params.database).catch(() => undefined);
      };
      holds.set(pool, setTimeout(release, params.holdMs).unref());
      return {
        status: "done",
        detail: `${at}: ${detail}, resumed by itself after ${duration(params.holdMs)} at the latest`,
      };
    }
    return { status: "done", detail: `${at}: ${detail}` };
  } catch (error) {
    return { status: "failed", detail: `${at}: ${message(error)}` };
  }
}

async function holdOrRelease(config: PgbouncerConfig, op: "pause" | "resume", database: string): Promise<string> {
  const done = op === "pause" ? "paused" : "resumed";
  try {
    await withAdmin(config, config.pauseTimeoutMs, (admin) => admin.command(`${op.toUpperCase()} ${quoted(database)}`));
    return `${database} ${done}`;
  } catch (error) {
    if (ALREADY[op].test(message(error))) return `${database} ${done} (it already was)`;
    if (op === "pause" && /Query read timeout/.test(message(error))) {
      // A pool left paused by a failed step would hold every client until someone noticed.
      await withAdmin(config, config.connectTimeoutMs, (admin) => admin.command(`RESUME ${quoted(database)}`)).catch(
        () => undefined,
      );
      throw new Error(
        `${database} not paused: its transactions still ran after ${duration(config.pauseTimeoutMs)}; resumed`,
      );
    }
    throw error;
  }
}

async function point(config: PgbouncerConfig, database: string, host: string, port: number): Promise<string> {
  await pointDatabase(config.databasesFile, database, host, port).catch((error: unknown) => {
    throw new Error(`${database} not pointed: ${config.databasesFile}: ${message(error)}`);
  });
  return withAdmin(config, config.connectTimeoutMs, async (admin) => {
    await admin.command("RELOAD");
    await pointedAt(admin, database, `${host}:${port}`, config.databasesFile);
    return `${database} -> ${host}:${port}`;
  });
}

/** Resolves once SHOW DATABASES gives `database` at `wanted` (host:port); rejects with what it gives instead. */
async function pointedAt(admin: AdminSession, database: string, wanted: string, file: string): Promise<void> {
  const deadline = Date.now() + VERIFY_MS;
  for (;;) {
    const entry = (await admin.databases()).find((row) => row.name === database);
    if (entry && `${entry.host}:${entry.port}` === wanted) return;
    if (Date.now() > deadline) {
      const seen = entry ? `still ${entry.host ?? "(socket)"}:${entry.port}` : "not among its databases";
      throw new Error(`${database} is ${seen} after RELOAD: does its [databases] section %include ${file}?`);
    }
    await sleep(VERIFY_EVERY_MS);
  }
}

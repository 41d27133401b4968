// Everything `npm start` brings up, in order, and takes down in reverse: database, schema,
// demo fleet, build, web server.
import path from "node:path";
import type { Log } from "../../lib/log.ts";
import { auditKeyInFolder, checkAuditKey } from "../audit/key-store.ts";
import { storedAuthSecret } from "../auth/secret.ts";
import { ensureAdmin } from "../auth/ensure-admin.ts";
import { createDb } from "../db/client.ts";
import { pruneExpired } from "../security/rate-limit.ts";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../db/embedded-postgres.ts";
import { migrate } from "../db/migrate.ts";
import { seedDemoFleetOnce } from "../fleet/seed-demo-fleet.ts";
import { writeDemoAgentsConfig } from "../fleet/demo-agents.ts";
import { startConsoleControl } from "../control/start.ts";
import { sendPulses } from "../health/control-pulse.ts";
import { startDemoAgents } from "./demo-agents-process.ts";
import { build, buildIsStale } from "./build-if-stale.ts";
import type { LaunchConfig } from "./config.ts";
import { lockDataDir } from "./data-dir-lock.ts";
import { startNext, waitUntilAnswering, type NextServer } from "./next-server.ts";

export interface RunningConsole {
  url: string;
  databaseUrl: string;
  /** Resolves with the web server's exit code if it stops by itself. */
  exited: Promise<number>;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, "../..");

export async function launch(
  config: LaunchConfig,
  signal: AbortSignal,
  log: Log = (line) => console.log(line),
): Promise<RunningConsole> {
  const undo: (() => void | Promise<void>)[] = [];
  const stop = async () => {
    for (const step of undo.reverse()) await step();
    undo.length = 0;
  };
  try {
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      undo.push(lockDataDir(config.dataDir));
      log(`Starting embedded PostgreSQL in ${path.relative(root, config.dataDir) || config.dataDir}/ …`);
      const postgres: EmbeddedPostgres = await startEmbeddedPostgres({ root: config.dataDir });
      undo.push(() => postgres.stop());
      log(`PostgreSQL is ready on 127.0.0.1:${postgres.port}.`);
      databaseUrl = postgres.url;
    }
    signal.throwIfAborted();
    const applied = await migrate(databaseUrl);
    log(applied.length ? `Applied migrations: ${applied.join(", ")}.` : "Database schema is up to date.");
    signal.throwIfAborted();
    const db = createDb(databaseUrl);
    let authSecret: string;
    try {
      if (config.seedDemoFleet) {
        const seeded = await seedDemoFleetOnce(db, config.demoAgentPort);
        log(seeded ? "Seeded the demo fleet." : "Demo fleet was seeded on an earlier start.");
      }
      authSecret = config.authSecret ?? (await storedAuthSecret(db));
      const auditKey = config.auditKey ?? auditKeyInFolder(config.dataDir);
      await checkAuditKey(db, auditKey);
      // The auth library and the audit log read these through server/env.ts, as the web server will.
      process.env.DATABASE_URL = databaseUrl;
      process.env.BETTER_AUTH_SECRET = authSecret;
      process.env.CONSOLE_AUDIT_KEY = auditKey;
      if (config.admin) log(await ensureAdmin(db, config.admin));
      await pruneExpired(db, new Date(Date.now() - 24 * 60 * 60_000));
      if (config.demoAgents) {
        const file = path.join(config.dataDir, "demo-agents.yaml");
        const count = await writeDemoAgentsConfig(db, authSecret, file);
        if (count) {
          undo.push(await startDemoAgents(root, file, log));
          log(
            `Started ${count} simulated agents for the demo fleet ` +
              `(configuration: ${path.relative(root, file) || file}).`,
          );
        }
      }
    } finally {
      await db.$disconnect();
    }
    if (!config.publicUrl)
      log(
        `Warning: CONSOLE_PUBLIC_URL is not set, so links in webhook alerts point at ${config.localUrl}, ` +
          "which people elsewhere cannot open. Set it to the address people reach the console at.",
        { level: "warn" },
      );
    const control = startConsoleControl({ databaseUrl, authSecret, config, log });
    undo.push(() => control.stop());
    if (buildIsStale(root)) {
      log("Building the console (first start or changed sources; about a minute) …");
      await build(root);
    }
    signal.throwIfAborted();
    const server: NextServer = startNext(root, { port: config.port, host: config.host, databaseUrl, authSecret });
    undo.push(() => server.stop());
    undo.push(sendPulses(server.child, control));
    const url = config.localUrl;
    await waitUntilAnswering(server, url, signal);
    log(`Console is ready at ${url}  (Ctrl-C stops it and its database)`);
    return { url, databaseUrl, exited: server.exited, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

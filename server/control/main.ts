// `npm run control`: the control loop alone (no web server), against DATABASE_URL. For running
// extra poller instances beside the web servers, and for tests of leader handover.
import { createLog } from "../../lib/log.ts";
import { checkAuditKey, auditKeyInFolder } from "../audit/key-store.ts";
import { setAuditKey } from "../audit/key.ts";
import { createDb } from "../db/client.ts";
import { readLaunchConfig } from "../launch/config.ts";
import { startConsoleControl } from "./start.ts";

const databaseUrl = process.env.DATABASE_URL;
const authSecret = process.env.BETTER_AUTH_SECRET;
if (!databaseUrl || !authSecret) {
  console.error("Set DATABASE_URL and BETTER_AUTH_SECRET (the console's secret, which agent tokens derive from).");
  process.exit(2);
}

const config = readLaunchConfig(process.env);
const auditKey = config.auditKey ?? auditKeyInFolder(config.dataDir);
const db = createDb(databaseUrl);
await checkAuditKey(db, auditKey).finally(() => db.$disconnect());
setAuditKey(auditKey);
const log = createLog({ format: config.logFormat, instance: config.instanceId });
const control = startConsoleControl({ databaseUrl, authSecret, config, log });
const shutdown = async () => {
  await control.stop();
  process.exit(0);
};
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());

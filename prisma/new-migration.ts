// `npm run db:migration <name>`: writes the SQL that takes the latest snapshot to prisma/schema.prisma.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { prismaCli } from "../server/db/prisma-cli.ts";
import { startScratchPostgres } from "../server/db/scratch-postgres.ts";
import { diffArgs, latestSnapshot, migrationsDir, schemaPath } from "./migrations-dir.ts";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration <name>   (lower-case letters, digits and _)");
  process.exit(2);
}

// The CLI's JS engine wants a reachable database even for a schema-to-schema diff.
const scratch = await startScratchPostgres();
const sql = await prismaCli(diffArgs(latestSnapshot()), scratch.url).finally(() => scratch.stop());
const latest = latestSnapshot();
if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
  // Comments or formatting only: refresh the snapshot so the drift test agrees, write no SQL.
  if (latest) copyFileSync(schemaPath, latest);
  console.log("No database change; refreshed the latest schema snapshot.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = path.join(migrationsDir, `${stamp}_${name}`);
mkdirSync(folder, { recursive: true });
writeFileSync(path.join(folder, "migration.sql"), sql);
copyFileSync(schemaPath, path.join(folder, "schema.prisma"));
console.log(`wrote ${path.relative(process.cwd(), folder)}/migration.sql`);

// `npm run db:migration <name>`: writes the SQL that takes the schema snapshot to prisma/schema.prisma,
// then advances the snapshot to the schema.
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { prismaCli } from "../server/db/prisma-cli.ts";
import { startScratchPostgres } from "../server/db/scratch-postgres.ts";
import { diffArgs, migrationsDir, schemaPath, snapshotPath } from "./migrations-dir.ts";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration <name>   (lower-case letters, digits and _)");
  process.exit(2);
}

// The CLI's JS engine wants a reachable database even for a schema-to-schema diff.
const scratch = await startScratchPostgres();
const sql = await prismaCli(diffArgs, scratch.url).finally(() => scratch.stop());
if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
  // Comments or formatting only: refresh the snapshot so the drift test agrees, write no SQL.
  copyFileSync(schemaPath, snapshotPath);
  console.log("No database change; refreshed the schema snapshot.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = path.join(migrationsDir, `${stamp}_${name}`);
mkdirSync(folder, { recursive: true });
writeFileSync(path.join(folder, "migration.sql"), sql);
// Only once the migration is written: a failed run leaves the snapshot where it was.
copyFileSync(schemaPath, snapshotPath);
console.log(`wrote ${path.relative(process.cwd(), folder)}/migration.sql and advanced the schema snapshot`);

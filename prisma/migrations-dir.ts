// Migrations are made by diffing schemas (offline Prisma cannot diff from migrations): one snapshot
// holds the schema the latest migration was made from. Tools that read prisma/migrations (the Prisma
// CLI, server/db/migrate.ts) look only at its folders, so the loose snapshot file beside them is ignored.
import path from "node:path";

export const migrationsDir = path.resolve(import.meta.dirname, "migrations");
export const schemaPath = path.resolve(import.meta.dirname, "schema.prisma");
export const snapshotPath = path.join(migrationsDir, "schema.snapshot.prisma");

/** Prisma CLI arguments for the SQL that takes the snapshot to prisma/schema.prisma. */
export const diffArgs = [
  "migrate",
  "diff",
  "--from-schema-datamodel",
  snapshotPath,
  "--to-schema-datamodel",
  schemaPath,
  "--script",
];

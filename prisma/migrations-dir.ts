// Migrations are made by diffing schema snapshots: each migration keeps the schema it was made from.
import { readdirSync } from "node:fs";
import path from "node:path";

export const migrationsDir = path.resolve(import.meta.dirname, "migrations");
export const schemaPath = path.resolve(import.meta.dirname, "schema.prisma");

export function latestSnapshot(): string | undefined {
  const folders = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const latest = folders.at(-1);
  return latest ? path.join(migrationsDir, latest, "schema.prisma") : undefined;
}

export function diffArgs(from: string | undefined): string[] {
  const source = from ? ["--from-schema-datamodel", from] : ["--from-empty"];
  return ["migrate", "diff", ...source, "--to-schema-datamodel", schemaPath, "--script"];
}

// A SQL function kept in one file under prisma/sql/ and copied into the migration that (re)defines it:
// the newest migration defining the function must carry the file's text byte for byte, so a change
// made in a migration alone (or in the file alone) fails its test.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { readMigrations } from "../server/db/migrate.ts";

/** The file's text, after checking it defines `fn` once and the newest migration defining `fn` carries it. */
export function expectSingleSource(file: string, fn: string): string {
  const source = readFileSync(path.resolve(import.meta.dirname, "sql", file), "utf8");
  const defines = new RegExp(`CREATE (OR REPLACE )?FUNCTION ${fn}\\(`, "g");
  expect(source.match(defines)).toHaveLength(1);
  const latest = readMigrations()
    .filter((m) => m.sql.match(defines))
    .at(-1);
  expect(latest?.sql).toContain(source);
  expect(latest?.sql.match(defines)).toHaveLength(1);
  return source;
}

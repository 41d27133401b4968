// prisma/sql/alert-trigger.sql is the one source of the outbox's trigger function: the newest migration
// that defines the function must carry the file's text byte for byte, so a change made in a migration
// alone (or in the file alone) fails here.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readMigrations } from "../server/db/migrate.ts";

const SOURCE = path.resolve(import.meta.dirname, "sql/alert-trigger.sql");
const DEFINES = /CREATE (OR REPLACE )?FUNCTION webhook_outbox\(/g;

describe("the alert routing trigger", () => {
  it("is defined last by a migration that carries prisma/sql/alert-trigger.sql unchanged", () => {
    const source = readFileSync(SOURCE, "utf8");
    expect(source.match(DEFINES)).toHaveLength(1);
    const latest = readMigrations()
      .filter((m) => m.sql.match(DEFINES))
      .at(-1);
    expect(latest?.sql).toContain(source);
    expect(latest?.sql.match(DEFINES)).toHaveLength(1);
  });
});

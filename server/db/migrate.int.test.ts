import pg from "pg";
import { describe, expect, it } from "vitest";
import { freshDatabaseUrl } from "../testing/databases.ts";
import { migrate, readMigrations } from "./migrate.ts";

async function query<T extends pg.QueryResultRow>(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("migrate", () => {
  it("creates every table on an empty database, then has nothing left to do", async () => {
    const url = await freshDatabaseUrl();
    expect(await migrate(url)).toEqual(readMigrations().map((m) => m.name));
    const tables = (
      await query<{ table_name: string }>(
        url,
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
      )
    ).map((r) => r.table_name);
    expect(tables).toEqual(
      expect.arrayContaining([
        "cluster",
        "node",
        "sample",
        "sample_rollup",
        "event",
        "action",
        "action_step",
        "audit_entry",
        "webhook_endpoint",
        "webhook_delivery",
        "drill",
        "user",
        "session",
        "setting",
      ]),
    );
    expect(await migrate(url)).toEqual([]);
  });

  it("rolls a failing migration back and records nothing of it", async () => {
    const url = await freshDatabaseUrl();
    const broken = [
      { name: "001_ok", sql: "CREATE TABLE kept (id int);", checksum: "a" },
      { name: "002_broken", sql: "CREATE TABLE half (id int); SELECT * FROM missing_table;", checksum: "b" },
    ];
    await expect(migrate(url, broken)).rejects.toThrow(/002_broken failed and was rolled back: .*missing_table/);
    const tables = (
      await query<{ table_name: string }>(
        url,
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
      )
    ).map((r) => r.table_name);
    expect(tables).toContain("kept");
    expect(tables).not.toContain("half");
    const recorded = await query<{ migration_name: string }>(url, `SELECT migration_name FROM "_prisma_migrations"`);
    expect(recorded.map((r) => r.migration_name)).toEqual(["001_ok"]);
  });

  it("lets only one of two concurrent runs apply the migrations", async () => {
    const url = await freshDatabaseUrl();
    const [a, b] = await Promise.all([migrate(url), migrate(url)]);
    expect([...a, ...b]).toEqual(readMigrations().map((m) => m.name));
  });
});

// The databases file PgBouncer %includes: one line pointed, the rest of the file and of the line kept,
// and the file replaced whole with its mode.
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { pointDatabase, pointedDatabases } from "./pgbouncer-databases.ts";

const FILE = [
  "; owned by the haops agent on db-1",
  "[databases]",
  "app = host=10.0.0.1 port=5432 dbname=orders user=app pool_size=20 password='a b''c'",
  '"app.ro" = host=10.0.0.2 port=5432 dbname=orders',
  "apps = host=10.0.0.9 port=5432",
  "",
].join("\n");

describe("a databases line pointed at another server", () => {
  it("changes host and port of that line only, its other options kept in their order", () => {
    expect(pointedDatabases(FILE, "app", "10.0.0.2", 5433).split("\n")).toEqual([
      "; owned by the haops agent on db-1",
      "[databases]",
      "app = host=10.0.0.2 port=5433 dbname=orders user=app pool_size=20 password='a b''c'",
      '"app.ro" = host=10.0.0.2 port=5432 dbname=orders',
      "apps = host=10.0.0.9 port=5432",
      "",
    ]);
  });

  it("finds a quoted name, keeps spaces around =, and adds host and port a line lacks", () => {
    expect(pointedDatabases('"app.ro" = host=10.0.0.2 port=5432 dbname=orders', "app.ro", "db-3", 6000)).toBe(
      '"app.ro" = host=db-3 port=6000 dbname=orders',
    );
    expect(pointedDatabases("app=dbname = orders  user=app\n", "app", "::1", 5433)).toBe(
      "app=dbname = orders  user=app host=::1 port=5433\n",
    );
  });

  it("does not take a quoted value's words for options", () => {
    expect(pointedDatabases("app = password='host=evil port=1' port=5432", "app", "db-3", 6000)).toBe(
      "app = password='host=evil port=1' port=6000 host=db-3",
    );
  });

  it("refuses a database the file has no line for", () => {
    expect(() => pointedDatabases(FILE, "ap", "db-3", 5432)).toThrow("no line for ap");
    expect(() => pointedDatabases("; app = host=x\n", "app", "db-3", 5432)).toThrow("no line for app");
  });
});

describe("the file rewritten", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "haops-pgbouncer-dbs-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is replaced whole with its mode, and no temp file is left", async () => {
    const file = path.join(dir, "databases.ini");
    writeFileSync(file, FILE);
    chmodSync(file, 0o640);
    await pointDatabase(file, "apps", "10.0.0.7", 6432);
    expect(readFileSync(file, "utf8")).toBe(
      FILE.replace("apps = host=10.0.0.9 port=5432", "apps = host=10.0.0.7 port=6432"),
    );
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(["databases.ini"]);
  });

  it("is left as it was when the database has no line", async () => {
    const file = path.join(dir, "other.ini");
    writeFileSync(file, FILE);
    await expect(pointDatabase(file, "nope", "10.0.0.7", 6432)).rejects.toThrow("no line for nope");
    expect(readFileSync(file, "utf8")).toBe(FILE);
  });
});

// `npm run admin`: its main function against DATABASE_URL, and against the embedded database in a
// data folder, both while it runs (a console is up) and while it does not.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../lib/roles.ts";
import { createDb, type Db } from "../db/client.ts";
import { startEmbeddedPostgres } from "../db/embedded-postgres.ts";
import { migrate } from "../db/migrate.ts";
import { freshDatabaseUrl, uniqueName } from "../testing/databases.ts";
import { main } from "./admin-cli.ts";

async function run(argv: string[], env: Record<string, string>) {
  const lines: string[] = [];
  const code = await main(argv, env, (line) => lines.push(line));
  return { code, output: lines.join("\n") };
}

function makeUser(db: Db, role: Role) {
  const email = `${uniqueName(role)}@example.com`;
  return db.user.create({ data: { id: uniqueName("u"), name: role, email, role }, select: { id: true, email: true } });
}

describe("npm run admin against DATABASE_URL", () => {
  let url: string;
  let db: Db;
  beforeAll(async () => {
    url = await freshDatabaseUrl();
    await migrate(url);
    db = createDb(url);
  });
  afterAll(() => db?.$disconnect());

  it("makes a user admin, audited with the actor cli", async () => {
    const user = await makeUser(db, "viewer");
    const { code, output } = await run(["--email", user.email.toUpperCase(), "--role", "admin"], { DATABASE_URL: url });
    expect({ code, output }).toEqual({ code: 0, output: `${user.email} is now admin (was viewer).` });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("admin");
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "user.set-role", target: user.email } });
    expect(audit).toMatchObject({
      actor: "cli",
      actorId: null,
      outcome: "done",
      details: { from: "viewer", to: "admin" },
    });
  });

  it("keeps the last admin, and says why", async () => {
    await db.user.updateMany({ where: { role: "admin" }, data: { role: "viewer" } });
    const admin = await makeUser(db, "admin");
    expect(await run(["--email", admin.email, "--role", "viewer"], { DATABASE_URL: url })).toEqual({
      code: 1,
      output: `${admin.email} is the last admin; make someone else admin first.`,
    });
  });

  it("refuses bad arguments and unknown users with a sentence", async () => {
    expect((await run(["--email", "x@example.com", "--role", "root"], { DATABASE_URL: url })).code).toBe(2);
    expect((await run(["--role", "admin"], { DATABASE_URL: url })).output).toMatch(/^--email is required\nusage:/);
    expect((await run(["--email", "x@example.com", "--role", "admin", "--force"], { DATABASE_URL: url })).code).toBe(2);
    const unknown = await run(["--email", "nobody@example.com", "--role", "admin"], { DATABASE_URL: url });
    expect(unknown.code).toBe(1);
    expect(unknown.output).toMatch(/^No user has the email nobody@example\.com\. Make the user in the console first/);
  });
});

describe("npm run admin against the embedded database", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "ha-console-admin-cli-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const roleOf = async (url: string, id: string) => {
    const db = createDb(url);
    try {
      return (await db.user.findUniqueOrThrow({ where: { id } })).role;
    } finally {
      await db.$disconnect();
    }
  };

  it("uses the running database, or starts and stops it as npm start would", async () => {
    const postgres = await startEmbeddedPostgres({ root: dataDir });
    let users: { id: string; email: string }[];
    try {
      await migrate(postgres.url);
      const db = createDb(postgres.url);
      users = [await makeUser(db, "viewer"), await makeUser(db, "viewer")];
      await db.$disconnect();
      expect((await run(["--email", users[0]!.email, "--role", "admin"], { CONSOLE_DATA_DIR: dataDir })).code).toBe(0);
      expect(await roleOf(postgres.url, users[0]!.id)).toBe("admin");
    } finally {
      await postgres.stop();
    }

    expect((await run(["--email", users[1]!.email, "--role", "operator"], { CONSOLE_DATA_DIR: dataDir })).code).toBe(0);
    expect(existsSync(path.join(dataDir, "console.pid"))).toBe(false);
    const again = await startEmbeddedPostgres({ root: dataDir });
    try {
      expect(await roleOf(again.url, users[1]!.id)).toBe("operator");
    } finally {
      await again.stop();
    }
  }, 60_000);

  it("refuses a folder with no console database", async () => {
    const empty = mkdtempSync(path.join(tmpdir(), "ha-console-admin-cli-empty-"));
    try {
      const refused = run(["--email", "a@example.com", "--role", "admin"], { CONSOLE_DATA_DIR: empty });
      await expect(refused).rejects.toThrow(/^No console database in /);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

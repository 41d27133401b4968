import { describe, expect, it } from "vitest";
import { createFirstAdmin } from "../auth/first-admin.ts";
import { createDb, db } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { freshDatabaseUrl } from "../testing/databases.ts";
import { makeUser } from "../testing/users.ts";
import { removeUser, setRole, UserRuleError } from "./manage.ts";

describe("user management", () => {
  it("audits role changes with who changed what", async () => {
    const admin = await makeUser("admin");
    const other = await makeUser("viewer");
    await setRole(db(), admin, other.id, "operator");
    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: "user.set-role", target: other.email } });
    expect(audit).toMatchObject({ actor: admin.email, outcome: "done", details: { from: "viewer", to: "operator" } });
  });

  it("never demotes the last admin", async () => {
    const url = await freshDatabaseUrl();
    await migrate(url);
    const alone = createDb(url);
    try {
      const admin = await alone.user.create({
        data: { id: "only-admin", name: "Only", email: "only@example.com", role: "admin" },
        select: { id: true, email: true, name: true, role: true },
      });
      await expect(setRole(alone, admin, admin.id, "viewer")).rejects.toThrow(/last admin/);
      expect((await alone.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("admin");
    } finally {
      await alone.$disconnect();
    }
  });

  it("refuses to remove yourself", async () => {
    const admin = await makeUser("admin");
    await expect(removeUser(db(), admin, admin.id)).rejects.toBeInstanceOf(UserRuleError);
  });
});

describe("first admin", () => {
  it("is not created once anybody exists", async () => {
    await makeUser("viewer");
    expect(await createFirstAdmin(db(), { name: "late", email: "late@example.com", password: "late-password-1" })).toBeNull();
    expect(await db().user.findUnique({ where: { email: "late@example.com" } })).toBeNull();
  });
});

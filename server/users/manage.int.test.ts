import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFirstAdmin } from "../auth/first-admin.ts";
import type { Role } from "../../lib/roles.ts";
import { createDb, db, type Db } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { freshDatabaseUrl, uniqueName } from "../testing/databases.ts";
import { makeUser } from "../testing/users.ts";
import { NoLongerAdminError, removeUser, setRole, UserRuleError } from "./manage.ts";

describe("user management", () => {
  it("audits role changes with who changed what", async () => {
    const admin = await makeUser("admin");
    const other = await makeUser("viewer");
    await setRole(db(), admin, other.id, "operator");
    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: "user.set-role", target: other.email } });
    expect(audit).toMatchObject({ actor: admin.email, outcome: "done", details: { from: "viewer", to: "operator" } });
  });

  it("refuses to remove yourself", async () => {
    const admin = await makeUser("admin");
    await expect(removeUser(db(), admin, admin.id)).rejects.toBeInstanceOf(UserRuleError);
  });
});

// A database of its own, where the admins are only the ones each test makes.
describe("the last admin", () => {
  let alone: Db;
  beforeAll(async () => {
    const url = await freshDatabaseUrl();
    await migrate(url);
    alone = createDb(url);
  });
  afterAll(() => alone?.$disconnect());

  const user = (role: Role) => {
    const email = `${uniqueName(role)}@example.com`;
    const select = { id: true, email: true, name: true, role: true } as const;
    return alone.user.create({ data: { id: uniqueName("u"), name: role, email, role }, select });
  };
  const adminCount = () => alone.user.count({ where: { role: "admin" } });
  const demoteAll = () => alone.user.updateMany({ where: { role: "admin" }, data: { role: "viewer" } });

  it("is never demoted", async () => {
    await demoteAll();
    const admin = await user("admin");
    await expect(setRole(alone, admin, admin.id, "viewer")).rejects.toThrow(
      `${admin.email} is the last admin; make someone else admin first.`,
    );
    expect((await alone.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("admin");
  });

  it("is never removed, not even from the server's command line", async () => {
    await demoteAll();
    const admin = await user("admin");
    const cli = { id: null, email: "cli" };
    await expect(removeUser(alone, cli, admin.id)).rejects.toThrow(/is the last admin and cannot be removed/);
    expect(await adminCount()).toBe(1);
  });

  it("survives two admins demoting each other at the same moment, round after round", async () => {
    for (let round = 0; round < 5; round++) {
      await demoteAll();
      const [a, b] = [await user("admin"), await user("admin")];
      const results = await Promise.allSettled([setRole(alone, a, b.id, "viewer"), setRole(alone, b, a.id, "viewer")]);
      expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
      // The second to get the locks finds it was demoted by the first, and changes nothing.
      const refused = results.find((result) => result.status === "rejected");
      expect(refused?.reason).toBeInstanceOf(NoLongerAdminError);
      expect(await adminCount()).toBe(1);
    }
  });

  it("survives two demotions from the command line at the same moment", async () => {
    await demoteAll();
    const [a, b] = [await user("admin"), await user("admin")];
    const cli = { id: null, email: "cli" };
    const results = await Promise.allSettled([
      setRole(alone, cli, a.id, "viewer"),
      setRole(alone, cli, b.id, "viewer"),
    ]);
    const refused = results.find((result) => result.status === "rejected");
    expect(refused?.reason).toBeInstanceOf(UserRuleError);
    expect(await adminCount()).toBe(1);
  });

  it("survives one admin removing the other while that one demotes the first", async () => {
    await demoteAll();
    const [a, b] = [await user("admin"), await user("admin")];
    const results = await Promise.allSettled([removeUser(alone, a, b.id), setRole(alone, b, a.id, "viewer")]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await adminCount()).toBe(1);
  });

  it("is not changed by someone who stopped being an admin while waiting", async () => {
    await demoteAll();
    const [a, b, c] = [await user("admin"), await user("admin"), await user("viewer")];
    await setRole(alone, a, b.id, "viewer");
    await expect(setRole(alone, b, c.id, "admin")).rejects.toBeInstanceOf(NoLongerAdminError);
    expect((await alone.user.findUniqueOrThrow({ where: { id: c.id } })).role).toBe("viewer");
  });
});

describe("first admin", () => {
  it("is not created once anybody exists", async () => {
    await makeUser("viewer");
    expect(
      await createFirstAdmin(db(), { name: "late", email: "late@example.com", password: "late-password-1" }),
    ).toBeNull();
    expect(await db().user.findUnique({ where: { email: "late@example.com" } })).toBeNull();
  });
});

// The error middleware, through the real router and PostgreSQL: each refusal a domain throws reaches
// the caller with its code and sentence, and a database failure reaches it as a plain sentence only.
import { afterAll, describe, expect, it, vi } from "vitest";
import { createDb } from "../db/client.ts";
import { freshDatabaseUrl, sharedDb, uniqueName } from "../testing/databases.ts";
import { makeUser } from "../testing/users.ts";
import { createCaller } from "./root.ts";

const db = sharedDb();
afterAll(() => db.$disconnect());

describe("tRPC errors, converted once for every procedure", () => {
  it("answers the users' rules with CONFLICT and a caller who lost admin with FORBIDDEN", async () => {
    const admin = await makeUser("admin");
    const users = createCaller({ db, user: admin }).users;
    await expect(users.remove({ userId: admin.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "You cannot remove yourself; ask another admin.",
    });
    const viewer = await makeUser("viewer");
    const again = { name: "again", email: viewer.email, password: "long-enough-password", role: "viewer" as const };
    await expect(users.create(again)).rejects.toMatchObject({
      code: "CONFLICT",
      message: `A user with the email ${viewer.email} already exists.`,
    });
    // Signed in as an admin, demoted since: the change is refused under the admins' lock.
    const formerAdmin = createCaller({ db, user: { ...viewer, role: "admin" } }).users;
    await expect(formerAdmin.setRole({ userId: viewer.id, role: "operator" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "You are no longer an admin; nothing was changed.",
    });
  });

  it("answers an action's or a drill's refusal with the code it names", async () => {
    const operator = createCaller({ db, user: await makeUser("operator") });
    const missing = uniqueName("missing");
    await expect(operator.actions.plan({ cluster: missing, type: "fence", target: "n1" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: `No cluster named ${missing}.`,
    });
    await expect(operator.drills.advance({ id: missing, phase: "inject" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: `No drill ${missing}.`,
    });
  });

  it("hides a database failure behind a plain sentence and logs it", async () => {
    const empty = createDb(await freshDatabaseUrl());
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const viewer = createCaller({ db: empty, user: await makeUser("viewer") });
      const failure = await viewer.fleet.overview().then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).toMatchObject({
        code: "INTERNAL_SERVER_ERROR",
        message: "The console could not complete this request. Its log has the details.",
      });
      expect(JSON.stringify(failure)).not.toMatch(/relation|Cluster/);
      expect(logged).toHaveBeenCalledWith("tRPC fleet.overview failed:", expect.anything());
    } finally {
      logged.mockRestore();
      await empty.$disconnect();
    }
  });
});

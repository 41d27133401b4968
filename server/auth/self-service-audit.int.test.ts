// A user renaming themselves or changing their password through better-auth's own endpoints is
// audited, through the real /api/auth handler.
import { describe, expect, it } from "vitest";
import { db } from "../db/client.ts";
import { makeUser, sessionCookie, TEST_PASSWORD } from "../testing/users.ts";
import { handleAuthRequest } from "./auth-route.ts";

function post(path: string, cookie: string, body: unknown) {
  const headers = { "content-type": "application/json", origin: "http://localhost", cookie };
  const init = { method: "POST", headers, body: JSON.stringify(body) };
  return handleAuthRequest(new Request(`http://localhost/api/auth${path}`, init));
}

describe("self-service account changes", () => {
  it("audits a user renaming themselves, with the old and new name", async () => {
    const user = await makeUser("viewer");
    const response = await post("/update-user", await sessionCookie(user.email), { name: "Renamed Person" });
    expect(response.status).toBe(200);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Renamed Person");
    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: "user.update", target: user.email } });
    expect(audit).toMatchObject({
      actor: user.email,
      actorId: user.id,
      outcome: "done",
      details: { name: { from: "viewer", to: "Renamed Person" } },
    });
  });

  it("audits a password change, and nothing that was refused", async () => {
    const user = await makeUser("viewer");
    const cookie = await sessionCookie(user.email);
    expect((await post("/update-user", cookie, { role: "admin" })).status).toBe(400);
    const passwords = { currentPassword: TEST_PASSWORD, newPassword: "another-password-2" };
    const changed = await post("/change-password", cookie, passwords);
    expect(changed.status).toBe(200);
    const audit = await db().auditEntry.findMany({
      where: { target: user.email },
      select: { action: true, actor: true },
    });
    expect(audit).toEqual([{ action: "user.change-password", actor: user.email }]);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("viewer");
  });
});

// API tokens are viewers unless their maker picks more, and never do more than their user may.
import { describe, expect, it } from "vitest";
import { apiCaller } from "../api/authenticate.ts";
import { db } from "../db/client.ts";
import { createCaller } from "../trpc/root.ts";
import { makeUser } from "../testing/users.ts";
import { userForApiToken } from "./tokens.ts";

const bearer = (token: string) => `Bearer ${token}`;

describe("API tokens", () => {
  it("are viewers by default, even an admin's own", async () => {
    const admin = await makeUser("admin");
    const created = await createCaller({ db: db(), user: admin }).apiTokens.create({ name: "dashboards" });
    expect(created.role).toBe("viewer");
    expect(await userForApiToken(db(), bearer(created.token))).toMatchObject({ email: admin.email, role: "viewer" });
    const headers = { authorization: bearer(created.token) };
    const write = new Request("http://localhost/api/v1/halt", { method: "POST", headers });
    expect(((await apiCaller(write, "operator")) as Response).status).toBe(403);
    const audit = await db().auditEntry.findFirstOrThrow({
      where: { action: "api-token.create", target: `dashboards for ${admin.email}` },
    });
    expect(audit.details).toEqual({ role: "viewer" });
  });

  it("may be given more, up to their user's role, and follow a demotion of the user", async () => {
    const admin = await makeUser("admin");
    const operator = await makeUser("operator");
    const caller = createCaller({ db: db(), user: admin }).apiTokens;
    await expect(caller.create({ name: "too much", userEmail: operator.email, role: "admin" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: `role: ${operator.email} is operator; a token cannot have more than its user (admin).`,
    });
    const created = await caller.create({ name: "deployer", userEmail: operator.email, role: "operator" });
    expect(await userForApiToken(db(), bearer(created.token))).toMatchObject({ role: "operator" });
    await db().user.update({ where: { id: operator.id }, data: { role: "viewer" } });
    expect(await userForApiToken(db(), bearer(created.token))).toMatchObject({ role: "viewer" });
    const listed = (await caller.list()).find((row) => row.id === created.id);
    expect(listed).toMatchObject({ role: "operator", actingRole: "viewer" });
  });
});

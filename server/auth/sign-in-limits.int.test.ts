import { describe, expect, it } from "vitest";
import { makeUser, TEST_PASSWORD } from "../testing/users.ts";
import { uniqueName } from "../testing/databases.ts";
import { handleAuthRequest } from "./auth-route.ts";
import { PER_ACCOUNT } from "./sign-in-limits.ts";

function signIn(email: string, password: string, address: string) {
  return handleAuthRequest(
    new Request("http://localhost/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": address, origin: "http://localhost" },
      body: JSON.stringify({ email, password }),
    }),
  );
}

describe("sign-in limits", () => {
  it("locks an account after repeated failures, even for the right password, and says for how long", async () => {
    const user = await makeUser("viewer");
    expect((await signIn(user.email, TEST_PASSWORD, "10.0.0.1")).status).toBe(200);
    for (let i = 0; i < PER_ACCOUNT.max; i++) expect((await signIn(user.email, "wrong-password-x", "10.0.0.1")).status).toBe(401);
    const locked = await signIn(user.email, TEST_PASSWORD, "10.0.0.2");
    expect(locked.status).toBe(429);
    expect(locked.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await locked.json()).message).toMatch(/^Too many failed sign-in attempts\. Try again in \d+ minutes?\.$/);
  });

  it("answers an unknown account exactly like a known one", async () => {
    const unknown = `${uniqueName("nobody")}@example.com`;
    const known = (await makeUser("viewer")).email;
    const statuses = async (email: string, address: string) => {
      const seen: number[] = [];
      for (let i = 0; i <= PER_ACCOUNT.max; i++) seen.push((await signIn(email, "wrong-password-x", address)).status);
      return seen;
    };
    expect(await statuses(unknown, "10.0.1.1")).toEqual(await statuses(known, "10.0.1.2"));
    const [a, b] = await Promise.all([signIn(unknown, "x-wrong-password", "10.0.1.3"), signIn(known, "x-wrong-password", "10.0.1.4")]);
    expect((await a.json()).message).toBe((await b.json()).message);
  });

  it("limits one address trying many accounts", async () => {
    const address = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    let status = 0;
    for (let i = 0; i < 31 && status !== 429; i++) status = (await signIn(`${uniqueName("spray")}@example.com`, "wrong-password-x", address)).status;
    expect(status).toBe(429);
  });
});

// Shared fixtures: every page test fails on a browser console error (except those it provokes on
// purpose), and signs in through the real auth API as a user of the role it needs.
import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { E2E_ADMIN } from "./accounts";

interface ConsoleErrors {
  /** Errors matching this pattern are part of what the test provokes. */
  allow(pattern: RegExp): void;
}

type Role = "viewer" | "operator" | "admin";
export const USER_PASSWORD = "e2e-user-password";

export async function signIn(request: APIRequestContext, baseURL: string, email: string, password: string) {
  const response = await request.post("/api/auth/sign-in/email", {
    data: { email, password },
    headers: { origin: baseURL },
  });
  expect(response.status(), await response.text()).toBe(200);
}

/** A fresh user with the role, made by the admin through the same API the Users page uses. */
async function createUser(request: APIRequestContext, baseURL: string, role: Role): Promise<string> {
  const email = `${role}-${randomBytes(4).toString("hex")}@e2e.test`;
  await signIn(request, baseURL, E2E_ADMIN.email, E2E_ADMIN.password);
  const response = await request.post("/api/trpc/users.create", {
    data: {
      json: { name: `${role} ${email.slice(role.length + 1, role.length + 5)}`, email, password: USER_PASSWORD, role },
    },
    headers: { origin: baseURL },
  });
  expect(response.status(), await response.text()).toBe(200);
  return email;
}

export const test = base.extend<{ consoleErrors: ConsoleErrors; signInAs: (role: Role) => Promise<Page> }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      const allowed: RegExp[] = [];
      page.on("console", (message) => {
        // The URL says which request failed, for errors like "Failed to load resource: 404".
        if (message.type() === "error") errors.push(`${message.text()} (${message.location().url})`);
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await use({ allow: (pattern) => allowed.push(pattern) });
      const unexpected = errors.filter((text) => !allowed.some((pattern) => pattern.test(text)));
      expect(unexpected, "browser console errors").toEqual([]);
    },
    { auto: true },
  ],
  signInAs: async ({ page, playwright, baseURL }, use) => {
    await use(async (role) => {
      if (role === "admin") {
        await signIn(page.request, baseURL!, E2E_ADMIN.email, E2E_ADMIN.password);
      } else {
        const admin = await playwright.request.newContext({ baseURL });
        const email = await createUser(admin, baseURL!, role);
        await admin.dispose();
        await signIn(page.request, baseURL!, email, USER_PASSWORD);
      }
      return page;
    });
  },
});

export { expect };

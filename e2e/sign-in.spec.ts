import { E2E_ADMIN } from "./accounts";
import { expect, test } from "./fixtures";

test("signing in with the right password shows the console; signing out leaves it", async ({ page, consoleErrors }) => {
  // Link prefetches still in flight when the session ends may come back as not found.
  consoleErrors.allow(/status of 404 .*\?_rsc=/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Clusters" })).toBeVisible();
  await expect(page.getByLabel("Signed-in user")).toContainText("Admin");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/settings/users");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings%2Fusers$/);
});

test("a deep link survives sign-in: the page asked for, with its query, opens after it", async ({ page }) => {
  await page.goto("/clusters/orders-db?range=24h");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fclusters%2Forders-db%3Frange%3D24h$/);
  await page.getByLabel("Email").fill(E2E_ADMIN.email);
  await page.getByLabel("Password").fill(E2E_ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/clusters\/orders-db\?range=24h$/);
  await expect(page.getByRole("heading", { name: "orders-db", level: 1 })).toBeVisible();

  await page.goto("/sign-in?next=//evil.example/");
  await expect(page).toHaveURL(/\/$/);
});

test("a wrong password is refused without saying whether the account exists", async ({ page, consoleErrors }) => {
  consoleErrors.allow(/status of 401/);
  await page.goto("/sign-in");
  for (const email of [E2E_ADMIN.email, "nobody-here@e2e.test"]) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong email or password.");
  }
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("an unknown address gets a plain not-found page, scripts allowed by the CSP", async ({ page, consoleErrors }) => {
  consoleErrors.allow(/status of 404/);
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  expect(response?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

import { expect, test } from "./fixtures";

// Runs against the console that starts with no user at all (project "first-run").
test("the first visit leads to setup, which creates the first admin and signs them in", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Set up the console" })).toBeVisible();

  await page.getByLabel("Name").fill("Grace");
  await page.getByLabel("Email").fill("grace@e2e.test");
  await page.getByLabel("Password (at least").fill("short");
  await page.getByLabel("Repeat the password").fill("short");
  await page.getByRole("button", { name: "Create admin and sign in" }).click();
  // The browser refuses too-short passwords before anything is sent.
  await expect(page).toHaveURL(/\/setup$/);

  await page.getByLabel("Password (at least").fill("a-long-enough-password");
  await page.getByLabel("Repeat the password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create admin and sign in" }).click();

  await expect(page.getByRole("heading", { name: "Clusters" })).toBeVisible();
  const who = page.getByLabel("Signed-in user");
  await expect(who).toContainText("Grace");
  await expect(who).toContainText("Admin");

  // Setup is over for good: the page now sends people to sign in.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/sign-in$/);
});

import { expect, test } from "./fixtures";

test("a viewer sees the fleet but no operator or admin controls", async ({ page, signInAs }) => {
  await signInAs("viewer");
  await page.goto("/");
  await expect(page.getByRole("row", { name: /orders-db/ })).toBeVisible();
  await expect(page.getByLabel("Signed-in user")).toContainText("Viewer");
  await expect(page.getByRole("button", { name: /^(Pause|Resume) / })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" })).toHaveCount(0);

  await page.goto("/settings/agents");
  await expect(page.getByRole("row", { name: /orders-db-1/ })).toBeVisible();
  await expect(page.getByRole("button", { name: /token for/ })).toHaveCount(0);

  await page.goto("/settings/users");
  await expect(page.getByRole("heading", { name: "Users are managed by admins" })).toBeVisible();
});

test("an operator pauses a cluster with a reason, and sees it paused", async ({ page, signInAs }) => {
  await signInAs("operator");
  await page.goto("/");
  const row = page.getByRole("row", { name: /sessions-cache/ });
  await row.getByRole("button", { name: "Pause sessions-cache" }).click();
  const dialog = page.getByRole("dialog", { name: "Pause sessions-cache" });
  await dialog.getByLabel("Reason").fill("Redis upgrade window");
  await dialog.getByRole("button", { name: "Pause" }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByText("Paused", { exact: true })).toBeVisible();

  await row.getByRole("button", { name: "Resume sessions-cache" }).click();
  const resume = page.getByRole("dialog", { name: "Resume sessions-cache" });
  await resume.getByLabel("Reason").fill("Upgrade done");
  await resume.getByRole("button", { name: "Resume" }).click();
  await expect(row.getByText("Paused", { exact: true })).toHaveCount(0);
});

test("an admin creates an agent token that is shown once", async ({ page, signInAs }) => {
  await signInAs("admin");
  await page.goto("/settings/agents");
  await page.getByRole("button", { name: /token for checkout-2$/ }).click();
  const token = page.getByTestId("agent-token");
  await expect(token).toHaveText(/^hat_[A-Za-z0-9_-]{43}$/);
  await page.getByRole("button", { name: "Done" }).click();
  await expect(token).toHaveCount(0);
  await expect(page.getByRole("row", { name: /checkout-2/ })).toContainText("set");
});

// Plans an action through a cluster page's Actions panel and runs it once every guard allows it;
// waits on the action's page until it succeeded.
import { expect, type Page } from "@playwright/test";

export async function planAndRun(
  page: Page,
  cluster: string,
  type: string,
  node: string,
  opts: { acceptLoss?: boolean; planShows?: string } = {},
) {
  const panel = page.getByRole("region", { name: "Actions" });
  await panel.getByLabel("Action").selectOption(type);
  await panel.getByLabel("Node").selectOption(node);
  await panel.getByRole("button", { name: "Plan…" }).click();
  const dialog = page.getByRole("dialog", { name: `Plan: ${type} ${node} on ${cluster}` });
  await expect(dialog.getByRole("list", { name: "Guards" })).toBeVisible();
  if (opts.acceptLoss && (await dialog.getByText(/I accept losing up to/).count())) {
    await dialog.getByRole("checkbox", { name: /I accept losing up to/ }).check();
  }
  await expect(dialog.getByRole("status")).toContainText("Allowed by every guard");
  if (opts.planShows) {
    await expect(dialog.getByRole("list", { name: "Steps" })).toContainText(opts.planShows);
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await dialog.screenshot({ path: `test-results/plan-${type}-${colorScheme}.png` });
    }
    await page.emulateMedia({ colorScheme: "light" });
  }
  await dialog.getByLabel("Reason (kept in the audit log)").fill(`e2e ${type}`);
  await dialog.getByLabel(`Type ${cluster} to confirm`).fill(cluster);
  await dialog.getByRole("button", { name: `Run ${type}` }).click();
  await expect(page).toHaveURL(/\/actions\/\w+$/);
  await expect(page.getByRole("status", { name: /^Status:/ })).toHaveAccessibleName("Status: succeeded", {
    timeout: 60_000,
  });
}

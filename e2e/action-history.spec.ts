// The Actions page: every action newest first, filters and page in the URL, each row opening its
// action. It adds one harmless action (a weight set to what it is) and reads what the specs before
// it did: it runs last, alone.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { setWeightTo100 } from "./weight-action";

test("lists actions newest first, keeps the filters in the URL and opens an action from its row", async ({
  page,
  signInAs,
}) => {
  await signInAs("operator");
  const id = await setWeightTo100(page, "checkout-3", "e2e history");

  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Actions" }).click();
  await expect(page).toHaveURL(/\/actions$/);
  const table = page.getByRole("table", { name: "Actions, newest first" });
  const newest = table.getByRole("row").nth(1);
  await expect(newest).toContainText("set-weight");
  await expect(newest).toContainText("checkout-3");
  await expect(newest).toContainText("e2e history");

  await page.getByRole("combobox", { name: "Cluster", exact: true }).selectOption("checkout-api");
  await expect(page).toHaveURL(/\/actions\?cluster=checkout-api$/);
  await page.getByRole("combobox", { name: "Type", exact: true }).selectOption("set-weight");
  await page.getByRole("combobox", { name: "Status", exact: true }).selectOption("SUCCEEDED");
  await expect(page).toHaveURL(/\/actions\?cluster=checkout-api&type=set-weight&status=SUCCEEDED$/);
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Cluster", exact: true })).toHaveValue("checkout-api");
  await expect(page.getByRole("combobox", { name: "Type", exact: true })).toHaveValue("set-weight");
  await expect(page.getByRole("combobox", { name: "Status", exact: true })).toHaveValue("SUCCEEDED");
  const rows = table.getByRole("row");
  await expect(rows.nth(1)).toContainText("succeeded");
  for (const row of (await rows.all()).slice(1)) await expect(row).toContainText("checkout-api");

  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await rows.nth(1).getByRole("link", { name: "set-weight" }).click();
  await expect(page).toHaveURL(new RegExp(`/actions/${id}$`));
  await expect(page.getByRole("status", { name: "Status: succeeded" })).toBeVisible();

  await page.goto(`/actions?cluster=checkout-api&before=${id}`);
  await expect(page.getByRole("row", { name: /set-weight/ }).filter({ hasText: "e2e history" })).toHaveCount(0);
  await page.getByRole("link", { name: "Newest" }).click();
  await expect(page).toHaveURL(/\/actions\?cluster=checkout-api$/);
  await expect(table.getByRole("row").nth(1)).toContainText("e2e history");

  await page.goto("/actions?cluster=checkout-api&type=rejoin");
  await expect(page.getByRole("region", { name: "No action matches" })).toBeVisible();
});

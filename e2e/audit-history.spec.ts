// History an operator can share and follow: the audit log's filters live in the URL (a reload keeps
// them, the CSV export follows them), its rows and the cluster's events name the action and the node
// by name, linked to where they live. Adds one harmless action (a weight set to what it is): last.
import { expectAxeClean } from "./axe";
import { expect, test } from "./fixtures";
import { shootBothThemes } from "./screenshots";
import { setWeightTo100 } from "./weight-action";

const REASON = "e2e audit links";

test("audit filters survive a reload and a row links its action and node by name", async ({ page, signInAs }) => {
  // An action to await, screenshots in two themes at two widths: longer than the default 30 s.
  test.setTimeout(90_000);
  await signInAs("operator");
  const id = await setWeightTo100(page, "checkout-1", REASON);

  await page.goto("/audit");
  const filters = page.getByRole("form", { name: "Filter the audit log" });
  await filters.getByLabel("Cluster", { exact: true }).fill("checkout-api");
  await filters.getByLabel("Search", { exact: true }).fill(REASON);
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/\/audit\?cluster=checkout-api&q=e2e\+audit\+links$/);
  await page.reload();
  await expect(filters.getByLabel("Cluster", { exact: true })).toHaveValue("checkout-api");
  await expect(filters.getByLabel("Search", { exact: true })).toHaveValue(REASON);
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute(
    "href",
    /[?&]cluster=checkout-api&q=e2e\+audit\+links&limit=1000&format=csv$/,
  );

  const row = page.getByRole("row").filter({ has: page.getByText("action.set-weight", { exact: true }) });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(REASON);
  // Named, never numbered: the action by what it did, the node by its name.
  await expect(row).not.toContainText(id);
  await expect(row.getByRole("link", { name: "checkout-1", exact: true })).toHaveAttribute(
    "href",
    "/clusters/checkout-api?node=checkout-1",
  );
  await expectAxeClean(page, "main");
  await shootBothThemes(page, "audit");

  await row.getByRole("link", { name: "set-weight of checkout-1 (checkout-api)" }).click();
  await expect(page).toHaveURL(new RegExp(`/actions/${id}$`));
  await page.goBack();
  await expect(filters.getByLabel("Search", { exact: true })).toHaveValue(REASON);
  await filters.getByRole("button", { name: "Clear" }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(filters.getByLabel("Search", { exact: true })).toHaveValue("");

  await page.goto("/clusters/checkout-api");
  const events = page.getByRole("list", { name: "Recent events" });
  const succeeded = events
    .getByRole("listitem")
    .filter({ hasText: "set-weight of checkout-1 (checkout-api) succeeded" });
  await expect(
    succeeded.first().getByRole("link", { name: "set-weight of checkout-1 (checkout-api)" }),
  ).toHaveAttribute("href", `/actions/${id}`);
  await shootBothThemes(page, "events", (p) => p.getByRole("region", { name: "Recent events" }));
});

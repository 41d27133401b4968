import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";

test("lists the demo fleet with mode, node count and every node's state", async ({ page, signInAs }) => {
  await signInAs("viewer");
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Clusters" })).toBeVisible();

  const orders = page.getByRole("row", { name: /orders-db/ });
  await expect(orders.getByText("active-passive")).toBeVisible();
  await expect(orders.getByRole("cell", { name: "3", exact: true })).toBeVisible();
  const ordersNodes = orders.getByRole("list", { name: "orders-db nodes" }).getByRole("listitem");
  await expect(ordersNodes).toHaveText([/orders-db-1\s*primary/, /orders-db-2\s*standby/, /orders-db-3\s*standby/]);

  const checkout = page.getByRole("row", { name: /checkout-api/ });
  await expect(checkout.getByText("active-active")).toBeVisible();
  await expect(checkout.getByRole("list", { name: "checkout-api nodes" }).getByRole("listitem")).toHaveCount(4);

  const sessions = page.getByRole("row", { name: /sessions-cache/ });
  await expect(sessions.getByRole("list", { name: "sessions-cache nodes" }).getByRole("listitem")).toHaveText([
    /sessions-1\s*primary/,
    /sessions-2\s*standby/,
  ]);
  // The demo fleet's simulated agents answer the console's polls, and the page follows by itself.
  await expect(sessions.getByRole("list", { name: "sessions-cache node states" })).toHaveText("2 healthy");
  await expect(sessions).toContainText(/worst standby sessions-2\s*RPO 64 MiB \/ 30 s/);
  await expect(sessions).toContainText(/target 99\.9 %/);
  await expect(checkout.getByRole("list", { name: "checkout-api traffic by region" })).toContainText("eu-west");

  // A 1280 px laptop sees every column without scrolling sideways.
  await page.setViewportSize({ width: 1280, height: 800 });
  const table = page.getByRole("table").first();
  await expect
    .poll(() => table.evaluate((el) => el.parentElement!.scrollWidth - el.parentElement!.clientWidth))
    .toBeLessThanOrEqual(0);

  await page.getByRole("link", { name: "checkout-api" }).click();
  await expect(page).toHaveURL(/\/clusters\/checkout-api$/);
  await expect(page.getByRole("heading", { name: "checkout-api", level: 1 })).toBeVisible();
});

test("keeps the last data and says it is stale when the API stops answering", async ({
  page,
  consoleErrors,
  signInAs,
}) => {
  consoleErrors.allow(/ERR_CONNECTION_REFUSED/);
  await signInAs("viewer");
  await page.goto("/");
  await expect(page.getByRole("row", { name: /orders-db/ })).toBeVisible();
  await page.route("**/api/trpc/**", (route) => route.abort("connectionrefused"));
  await expect(page.getByRole("status")).toContainText("Stale data.");
  await expect(page.getByRole("row", { name: /orders-db/ })).toBeVisible();
  await page.unroute("**/api/trpc/**");
  await expect(page.getByRole("status")).toHaveCount(0);
});

test("has no serious accessibility violations and a working skip link", async ({ page, signInAs }) => {
  await signInAs("admin");
  await page.goto("/");
  await expect(page.getByRole("row", { name: /orders-db/ })).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
});

// The charts mark what happened to a cluster: after the drills and the failover from a crashed
// primary (the projects before this one), orders-db's charts mark the drill, the failover and the
// primary going down, and each mark names and links to what it was. Read-only, at the very end.
import { expect, test } from "./fixtures";

test("orders-db's charts mark its drill, its failover and its nodes down, each linking to what it was", async ({
  page,
  signInAs,
}) => {
  await signInAs("viewer");
  await page.goto("/clusters/orders-db?range=24h");
  const marked = page.getByRole("list", { name: "Marked on the charts" });
  await expect(marked.getByRole("link", { name: /^failover to orders-db-\d \(succeeded\)$/ }).first()).toBeVisible();
  await expect(marked.getByRole("link", { name: /^drill primary-crash \((pass|fail)\)$/ })).toBeVisible();
  await expect(marked.getByRole("link", { name: /^orders-db-\d down$/ }).first()).toBeVisible();
  for (const name of ["Replication lag per standby", "Poll latency"]) {
    const chart = page.getByRole("figure", { name });
    await expect(chart.locator(".chart-marker.marker-failover").first()).toBeAttached();
    await expect(chart.locator(".chart-marker.marker-drill").first()).toBeAttached();
  }
  await marked
    .getByRole("link", { name: /^failover to/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/actions\/\w+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("failover");
});

// Local only (not committed): a switchover and a standby crash on a fresh console, then the cluster
// page's charts with their markers, in both themes at 1280 and 1440 px.
import { mkdirSync } from "node:fs";
import { agentAction } from "./demo-agents";
import { expect, test } from "./fixtures";
import { planAndRun } from "./plan-and-run";

const DIR = "/tmp/shots-charts";

test("markers after a switchover and a crash, and screenshots", async ({ page, signInAs }) => {
  test.setTimeout(240_000);
  mkdirSync(DIR, { recursive: true });
  await signInAs("operator");
  await page.goto("/clusters/orders-db");
  await expect(page.getByRole("button", { name: /^orders-db-1, primary, healthy/ })).toBeVisible();
  // Some history on the charts first.
  await page.waitForTimeout(40_000);
  expect(await agentAction("orders-db-3", "inject-fault", { kind: "crash" })).toMatchObject({ status: "done" });
  await expect(page.getByRole("button", { name: /^orders-db-3, standby, down/ })).toBeVisible({ timeout: 20_000 });
  await page.waitForTimeout(20_000);
  await agentAction("orders-db-3", "clear-fault");
  await expect(page.getByRole("button", { name: /^orders-db-3, standby, healthy/ })).toBeVisible({ timeout: 20_000 });
  await page.waitForTimeout(15_000);
  await planAndRun(page, "orders-db", "switchover", "orders-db-2");
  await page.waitForTimeout(15_000);

  await page.goto("/clusters/orders-db?node=orders-db-3");
  const marked = page.getByRole("list", { name: "Marked on the charts" });
  await expect(marked.getByRole("link", { name: /switchover to orders-db-2 \(succeeded\)/ })).toBeVisible();
  await expect(marked.getByRole("link", { name: "orders-db-3 down" })).toBeVisible();
  const lag = page.getByRole("figure", { name: "Replication lag per standby" });
  await expect(lag.locator(".chart-marker.marker-switchover").first()).toBeAttached();
  await expect(lag.locator(".chart-marker.marker-down").first()).toBeAttached();

  for (const width of [1280, 1440]) {
    for (const theme of ["light", "dark"] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: theme });
      await page.goto("/clusters/orders-db?node=orders-db-3");
      await expect(lag.locator(".recharts-line").first()).toBeAttached();
      await page.screenshot({ path: `${DIR}/cluster-${theme}-${width}.png`, fullPage: true });
      const box = (await lag.locator(".chart-plot").boundingBox())!;
      await page.mouse.move(box.x + 92 + (box.width - 108) * 0.93, box.y + 110);
      await expect(lag.locator(".chart-tooltip")).toBeVisible();
      await page.getByRole("region", { name: "Trends" }).screenshot({ path: `${DIR}/trends-${theme}-${width}.png` });
      await page
        .getByRole("group", { name: "Topology of orders-db" })
        .screenshot({ path: `${DIR}/topology-${theme}-${width}.png` });
      await page.goto("/clusters/checkout-api");
      await page.getByRole("region", { name: "Trends" }).scrollIntoViewIfNeeded();
      await page
        .getByRole("group", { name: "Topology of checkout-api" })
        .screenshot({ path: `${DIR}/topology-aa-${theme}-${width}.png` });
    }
  }
});

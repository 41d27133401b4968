// The cluster page's charts read like Grafana's: a legend, a crosshair tooltip with every series,
// round ticks, drag to zoom with the span in the URL; and the selected node in the URL. Read-only.
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** The plot's inset in its box (line-series-chart.tsx): the y axis on the left, a margin on the right. */
const INSET = { left: 92, right: 16 };

async function plotBox(chart: Locator) {
  await chart.locator(".chart-plot").scrollIntoViewIfNeeded();
  const box = (await chart.locator(".chart-plot").boundingBox())!;
  const at = (share: number) => box.x + INSET.left + share * (box.width - INSET.left - INSET.right);
  return { at, y: box.y + box.height / 2 };
}

async function drag(page: Page, chart: Locator, fromShare: number, toShare: number) {
  const { at, y } = await plotBox(chart);
  await page.mouse.move(at(fromShare), y);
  await page.mouse.down();
  await page.mouse.move(at(toShare), y, { steps: 8 });
  await page.mouse.up();
}

const tickTexts = (chart: Locator, axis: "x" | "y") =>
  chart.locator(`.recharts-${axis}Axis-tick-labels .recharts-cartesian-axis-tick-value`).allTextContents();

test("each chart has a legend, a tooltip listing every series at the crosshair, and round ticks", async ({
  page,
  signInAs,
}) => {
  await signInAs("viewer");
  await page.goto("/clusters/orders-db");
  const latency = page.getByRole("figure", { name: "Poll latency" });
  await expect(latency.locator(".recharts-line")).toHaveCount(3);
  await expect(latency.getByRole("list", { name: "Legend" }).getByRole("listitem")).toHaveText([
    "orders-db-1",
    "orders-db-2",
    "orders-db-3",
  ]);
  const lag = page.getByRole("figure", { name: "Replication lag per standby" });
  await expect(lag.getByRole("list", { name: "Legend" }).getByRole("listitem")).toHaveText([
    "orders-db-2",
    "orders-db-3",
  ]);

  const { at, y } = await plotBox(latency);
  const tooltip = latency.locator(".chart-tooltip");
  // A hover before the first samples are drawn shows nothing: hover again until the tooltip shows.
  await expect(async () => {
    await page.mouse.move(at(0.98), y);
    await page.mouse.move(at(0.99), y);
    await expect(tooltip).toBeVisible({ timeout: 1_000 });
  }).toPass();
  for (const node of ["orders-db-1", "orders-db-2", "orders-db-3"]) {
    await expect(tooltip.getByRole("row", { name: new RegExp(`${node} .*(ms|no data)`) })).toBeVisible();
  }
  // The crosshair is shared: the lag chart shows the same time.
  await expect(lag.locator(".chart-tooltip")).toContainText("orders-db-3");

  // Latency ticks at a 1, 2 or 5 step; lag in binary units; time at round 5-minute steps (15 min range).
  const values = (await tickTexts(latency, "y")).map((text) => Number.parseFloat(text));
  const step = values[1]! - values[0]!;
  expect(values[0]).toBe(0);
  expect([1, 2, 5]).toContain(Math.round(step / 10 ** Math.floor(Math.log10(step))));
  for (const text of await tickTexts(lag, "y")) expect(text).toMatch(/^\d+(\.\d)? (B|KiB|MiB|GiB)$/);
  const minutes = (await tickTexts(latency, "x")).map((text) => Number(/\d+:(\d\d)/.exec(text)![1]));
  expect(minutes.length).toBeGreaterThan(1);
  for (const minute of minutes) expect(minute % 5).toBe(0);
});

test("dragging across a chart zooms every chart to that span, in the URL; Reset zoom and the range select go back", async ({
  page,
  signInAs,
}) => {
  await signInAs("viewer");
  await page.goto("/clusters/checkout-api?range=1h");
  await expect(page.getByRole("radio", { name: "1 h" })).toBeChecked();
  await expect(page.getByRole("figure", { name: "Health timeline" })).toContainText("worst state per 15 s");
  const traffic = page.getByRole("figure", { name: "Requests per node (stacked)" });
  await expect(traffic.locator(".recharts-area")).toHaveCount(4);

  await drag(page, traffic, 0.5, 0.9);
  await expect(page).toHaveURL(/[?&]from=\d+&to=\d+/);
  const url = new URL(page.url());
  expect(url.searchParams.get("range")).toBe("1h");
  const span = Number(url.searchParams.get("to")) - Number(url.searchParams.get("from"));
  // 40 % of an hour, give or take a pixel's worth.
  expect(Math.abs(span - 0.4 * 3_600_000)).toBeLessThan(60_000);
  await expect(page.getByRole("button", { name: "Reset zoom" })).toBeVisible();
  await expect(page.getByRole("radio", { checked: true })).toHaveCount(0);
  await expect(page.getByRole("figure", { name: "Health timeline" })).toContainText("worst state per 5 s");

  // The link opens the same zoomed view.
  await page.reload();
  await expect(page.getByRole("button", { name: "Reset zoom" })).toBeVisible();
  await page.getByRole("button", { name: "Reset zoom" }).click();
  await expect(page).not.toHaveURL(/from=/);
  await expect(page.getByRole("radio", { name: "1 h" })).toBeChecked();

  // Keyboard users move through the ranges with the arrow keys.
  await page.getByRole("radio", { name: "1 h" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: "24 h" })).toBeChecked();
  await expect(page).toHaveURL(/[?&]range=24h/);
});

test("?node= opens that node's details, a click writes it, and an unknown node says there is none", async ({
  page,
  signInAs,
}) => {
  await signInAs("viewer");
  await page.goto("/clusters/orders-db?node=orders-db-2");
  await expect(page.getByRole("complementary", { name: "Details of orders-db-2" })).toContainText("eu-west-1b");
  await expect(page.getByRole("button", { name: /^orders-db-2,/ })).toHaveAttribute("aria-pressed", "true");

  await page.getByRole("button", { name: /^orders-db-3,/ }).click();
  await expect(page).toHaveURL(/[?&]node=orders-db-3/);
  await expect(page.getByRole("complementary", { name: "Details of orders-db-3" })).toBeVisible();
  await page.getByRole("button", { name: "Close the node details" }).click();
  await expect(page).not.toHaveURL(/node=/);

  await page.goto("/clusters/orders-db?node=orders-db-9");
  const missing = page.getByRole("complementary", { name: "Node details" });
  await expect(missing.getByRole("heading", { name: "No node named orders-db-9" })).toBeVisible();
  await expect(missing).toContainText("orders-db has no node named orders-db-9");
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(" | ")}`)).toEqual([]);
  await missing.getByRole("button", { name: "Close" }).click();
  await expect(page).not.toHaveURL(/node=/);
});

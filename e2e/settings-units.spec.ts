// The cluster settings form speaks MiB, s and min and says what is wrong in words, while the API
// keeps storing bytes and ms. checkout-api's lag alert is the setting changed: an active-active
// cluster has no replication lag, so no other spec notices it.
import type { Page } from "@playwright/test";
import { expectAxeClean } from "./axe";
import { expect, test } from "./fixtures";

interface Stored {
  intervalMs: number;
  cooldownMs: number;
  rtoTargetMs: number;
  rpoBudgetBytes: number;
  alerts: { lagAlertBytes: number | null };
}

async function stored(page: Page, name: string): Promise<Stored> {
  const input = encodeURIComponent(JSON.stringify({ json: { name } }));
  const response = await page.request.get(`/api/trpc/fleet.cluster?input=${input}`);
  expect(response.status()).toBe(200);
  return (await response.json()).result.data.json;
}

async function openSettings(page: Page, cluster: string) {
  await page.goto(`/clusters/${cluster}`);
  await page.getByText("Settings (admin)").click();
  return page.getByRole("form", { name: `Settings of ${cluster}` });
}

test("shows the stored numbers in MiB, s and min", async ({ page, signInAs }) => {
  await signInAs("admin");
  const form = await openSettings(page, "orders-db");
  const field = (name: string) => form.getByLabel(name, { exact: true });
  const unit = (name: string) => form.getByLabel(`Unit of ${name}`);
  await expect(field("RPO budget (data)")).toHaveValue("16");
  await expect(unit("RPO budget (data)")).toHaveValue("MiB");
  await expect(field("Poll interval")).toHaveValue("1");
  await expect(unit("Poll interval")).toHaveValue("s");
  await expect(field("Poll timeout")).toHaveValue("800");
  await expect(unit("Poll timeout")).toHaveValue("ms");
  await expect(field("Failover cooldown")).toHaveValue("10");
  await expect(unit("Failover cooldown")).toHaveValue("min");
  await expect(form.getByRole("status")).toHaveText("A node is DOWN within 3.8 s at worst with these settings.");
});

test("refuses a value out of bounds in words, and stores what it accepts in bytes", async ({ page, signInAs }) => {
  // Three visits to the cluster page and two saves.
  test.setTimeout(60_000);
  await signInAs("admin");
  const before = await stored(page, "checkout-api");
  const form = await openSettings(page, "checkout-api");
  const interval = form.getByLabel("Poll interval", { exact: true });
  await interval.fill("10");
  await form.getByLabel("Unit of Poll interval").selectOption("ms");
  await form.getByLabel("Reason (kept in the audit log)").fill("e2e human units");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByText("Poll interval must be at least 100 ms.")).toBeVisible();
  await expect(interval).toHaveAttribute("aria-invalid", "true");
  await expect(interval).toBeFocused();
  await expect(form.getByRole("alert")).toContainText("Nothing saved");

  await interval.fill("1");
  await form.getByLabel("Unit of Poll interval").selectOption("s");
  await expect(form.getByText("Poll interval must be at least 100 ms.")).toHaveCount(0);
  await form.getByLabel("Data lag alert (empty: RPO)", { exact: true }).fill("24");
  await form.getByLabel("Unit of Data lag alert").selectOption("MiB");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByText(/^Saved;/)).toBeVisible();
  try {
    const after = await stored(page, "checkout-api");
    expect(after.alerts.lagAlertBytes).toBe(24 * 1024 * 1024);
    const unchanged = ({ intervalMs, cooldownMs, rtoTargetMs, rpoBudgetBytes }: Stored) => ({
      intervalMs,
      cooldownMs,
      rtoTargetMs,
      rpoBudgetBytes,
    });
    expect(unchanged(after)).toEqual(unchanged(before));

    const again = await openSettings(page, "checkout-api");
    await expect(again.getByLabel("Data lag alert (empty: RPO)", { exact: true })).toHaveValue("24");
    await expect(again.getByLabel("Unit of Data lag alert")).toHaveValue("MiB");
  } finally {
    const restore = await openSettings(page, "checkout-api");
    await restore.getByLabel("Data lag alert (empty: RPO)", { exact: true }).fill("");
    await restore.getByLabel("Reason (kept in the audit log)").fill("e2e human units: restore");
    await restore.getByRole("button", { name: "Save settings" }).click();
    await expect(restore.getByText(/^Saved;/)).toBeVisible();
  }
  expect((await stored(page, "checkout-api")).alerts.lagAlertBytes).toBeNull();
});

test("hands a Redis cluster's failovers to Sentinel, says so on the page, and back", async ({ page, signInAs }) => {
  test.setTimeout(60_000);
  await signInAs("admin");
  const orders = await openSettings(page, "orders-db");
  await expect(orders.getByLabel("Failovers decided by")).toHaveCount(0);

  const form = await openSettings(page, "sessions-cache");
  const decider = form.getByLabel("Failovers decided by");
  await expect(decider).toHaveValue("console");
  await decider.selectOption("sentinel");
  await expect(form).toContainText("the policy above never promotes a node");
  await expectAxeClean(page, "form");
  await form.getByLabel("Reason (kept in the audit log)").fill("e2e: Sentinel runs sessions-cache");
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByText(/^Saved;/)).toBeVisible();
  try {
    await page.reload();
    await expect(page.locator(".page-head .tags")).toContainText("failover by Redis Sentinel");
  } finally {
    const back = await openSettings(page, "sessions-cache");
    await back.getByLabel("Failovers decided by").selectOption("console");
    await back.getByLabel("Reason (kept in the audit log)").fill("e2e: the console decides again");
    await back.getByRole("button", { name: "Save settings" }).click();
    await expect(back.getByText(/^Saved;/)).toBeVisible();
  }
  await page.reload();
  await expect(page.locator(".page-head .tags")).toContainText("failover manual");
});

// The alarm an on-call engineer sees when a primary goes down: on every page a banner naming the
// condition and linking to its cluster, the count in the tab title and a red tab icon; on the
// cluster page the down node's checks are stale, not its last ticks. sessions-cache's primary
// crashes, so this runs alone after the specs that read or change the fleet.
import type { Page } from "@playwright/test";
import { agentAction } from "./demo-agents";
import { expectAxeClean } from "./axe";
import { expect, test } from "./fixtures";

const PRIMARY = "sessions-1";
const icon = (page: Page) => page.locator('link[rel~="icon"]').first();

test("a primary down raises the alarm on every page, and it clears when the primary is back", async ({
  page,
  signInAs,
}) => {
  test.setTimeout(90_000);
  await signInAs("viewer");
  await page.goto("/");
  await expect(page).toHaveTitle("Clusters · HA Ops Console");
  const banner = page.getByRole("alert").filter({ hasText: "Critical" });
  await expect(banner).toHaveCount(0);

  expect(await agentAction(PRIMARY, "inject-fault", { kind: "crash" })).toMatchObject({ status: "done" });
  try {
    await expect(banner).toContainText(`sessions-cache: primary ${PRIMARY} down`, { timeout: 20_000 });
    // A viewer reads the problem; the fix's button is for those who may run it.
    const overviewRow = page.getByRole("row", { name: /sessions-cache/ });
    await expect(overviewRow).toContainText(`primary ${PRIMARY} down`);
    await expect(overviewRow.getByRole("link", { name: /^Fail over to/ })).toHaveCount(0);
    await expect(page).toHaveTitle(/^\(\d+\) Clusters · HA Ops Console$/);
    await expect(icon(page)).toHaveAttribute("href", "/icon-critical.svg");

    await page.goto("/audit");
    await expect(banner).toContainText(`primary ${PRIMARY} down`);
    await expect(page).toHaveTitle(/^\(\d+\) Audit · HA Ops Console$/);
    await expect(icon(page)).toHaveAttribute("href", "/icon-critical.svg");
    await expectAxeClean(page, ".critical-banner");

    await banner.getByRole("link", { name: "sessions-cache" }).click();
    await expect(page).toHaveURL(/\/clusters\/sessions-cache$/);
    await expect(page).toHaveTitle(/^\(\d+\) sessions-cache · HA Ops Console$/);
    const row = page.getByRole("table", { name: "Nodes" }).getByRole("row", { name: new RegExp(PRIMARY) });
    await expect(row).toContainText("Down");
    await expect(row).toContainText("stale since");
    await expect(row.getByRole("listitem").first()).toContainText("last reported");
    await expect(row).not.toContainText("✓");
  } finally {
    await agentAction(PRIMARY, "clear-fault");
  }
  await expect(banner).toHaveCount(0, { timeout: 20_000 });
  await expect(page).toHaveTitle("sessions-cache · HA Ops Console");
  await expect(icon(page)).not.toHaveAttribute("href", "/icon-critical.svg");
});

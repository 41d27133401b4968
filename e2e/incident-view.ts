// The incident an outage leaves, as the operator reads it after: reached from the cluster's page,
// one timeline of the events and the failover (linked by name), the impact in words, and the
// Markdown that starts the postmortem. Called by the spec that causes the outage.
import type { Page } from "@playwright/test";
import { expectAxeClean } from "./axe";
import { expect } from "./fixtures";
import { shootBothThemes } from "./screenshots";

export async function checkIncident(page: Page, cluster: string, lost: string, promoted: string) {
  await page.goto(`/clusters/${cluster}`);
  await page.getByRole("region", { name: "Recent events" }).getByRole("link", { name: "Incidents" }).click();
  await expect(page).toHaveURL(new RegExp(`/clusters/${cluster}/incidents$`));
  // The drills before lost a primary too (tagged "drill"): this outage is the newest such one.
  const rows = page.getByRole("table", { name: "Incidents, newest first" }).getByRole("row");
  const outage = rows.filter({ hasText: `${lost} (primary) is down` }).first();
  await expect(outage).not.toContainText("drill");
  await outage.getByRole("rowheader").getByRole("link").click();
  await expect(page).toHaveURL(/\/incidents\/\d+$/);
  const id = page.url().split("/").pop()!;

  const summary = page.getByRole("region", { name: "Summary" });
  await expect(summary).toContainText(new RegExp(`without a writable primary \\(${lost} lost at`));
  await expect(summary.getByRole("link", { name: lost, exact: true })).toHaveAttribute(
    "href",
    `/clusters/${cluster}?node=${lost}`,
  );
  const timeline = page.getByRole("list", { name: "Timeline" });
  await expect(timeline).toContainText("node.down");
  const failover = `failover of ${cluster} to ${promoted}`;
  await expect(timeline.getByRole("listitem").filter({ hasText: `${failover} requested by` })).toHaveCount(1);
  await expect(timeline.getByRole("link", { name: failover }).first()).toHaveAttribute("href", /^\/actions\/\w+$/);
  // Times count from the start; the clock time is on hover.
  await expect(timeline.locator("time").first()).toHaveText("+0 ms");
  await expect(timeline.locator("time").first()).toHaveAttribute("title", /\d{2}:\d{2}:\d{2}/);

  const markdown = await page.request.get(`/api/v1/incidents/${id}?format=markdown`);
  expect(markdown.headers()["content-type"]).toBe("text/markdown; charset=utf-8");
  const text = await markdown.text();
  expect(text).toMatch(new RegExp(`^# Incident on ${cluster}: `));
  for (const line of ["- **Start:** ", "- **End:** ", "- **Duration:** ", "## Timeline", "## Alerts sent"]) {
    expect(text).toContain(line);
  }
  expect(text).toContain(`## Actions taken\n\n- +`);
  expect(text).toContain(`${failover} requested by`);

  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Copy as Markdown" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Copied as Markdown." })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);

  await expectAxeClean(page, "main");
  await shootBothThemes(page, "incident");
  await page.goto(`/clusters/${cluster}/incidents`);
  await shootBothThemes(page, "incidents");
}

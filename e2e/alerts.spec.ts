// The Alerts page: a node that goes down opens an alert there; an operator acknowledges it with a
// note, and it moves to the resolved ones by itself when the node comes back, its row opening the
// incident with the acknowledgement on its timeline. Viewers read only.
import AxeBuilder from "@axe-core/playwright";
import { agentAction } from "./demo-agents";
import { expect, test } from "./fixtures";

// An active node of the active-active cluster: its loss opens a warning; this spec runs alone, last
// (its own project), so no other spec sees it down.
const NODE = "checkout-4";

test("a node going down opens an alert that an operator acknowledges with a note", async ({ page, signInAs }) => {
  test.setTimeout(60_000);
  await signInAs("operator");
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Alerts" }).click();
  await expect(page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();

  expect(await agentAction(NODE, "inject-fault", { kind: "crash" })).toMatchObject({ status: "done" });
  try {
    const open = page.getByRole("table", { name: "Open alerts" });
    const row = open.getByRole("row", { name: new RegExp(`node\\.(down|confirmed_down).*${NODE}`) });
    await expect(row).toBeVisible({ timeout: 15_000 });
    await expect(row).toContainText("warning");
    await expect(row.getByRole("time")).toHaveAttribute("title", /\d{4}/);

    await row.getByRole("button", { name: /^Acknowledge node\./ }).click();
    const dialog = page.getByRole("dialog", { name: /^Acknowledge node\./ });
    await expect(dialog.getByLabel("Note (optional)")).toBeFocused();
    await dialog.getByLabel("Note (optional)").fill("e2e: crashed on purpose, restarting it");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect(dialog).toBeHidden();
    await expect(row).toContainText("e2e: crashed on purpose, restarting it");
    await expect(row).toContainText(/operator-[0-9a-f]+@e2e\.test/);
    await expect(row.getByRole("button", { name: /^Acknowledge/ })).toHaveCount(0);

    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    }
  } finally {
    await agentAction(NODE, "clear-fault");
  }
  const resolved = page.getByRole("table", { name: "Resolved alerts" });
  const done = resolved.getByRole("row", { name: /e2e: crashed on purpose/ }).first();
  await expect(done).toBeVisible({ timeout: 15_000 });
  // The outage is one incident: the alert's row opens its timeline, the acknowledgement on it.
  await done.getByRole("link", { name: "timeline" }).click();
  await expect(page).toHaveURL(/\/incidents\/\d+$/);
  const timeline = page.getByRole("list", { name: "Timeline" });
  await expect(timeline.getByRole("listitem").filter({ hasText: "acknowledged node." })).toContainText(
    "e2e: crashed on purpose, restarting it",
  );
  await expect(timeline.getByRole("link", { name: NODE, exact: true }).first()).toHaveAttribute(
    "href",
    `/clusters/checkout-api?node=${NODE}`,
  );
});

test("a viewer reads the alerts but has no Acknowledge button", async ({ page, signInAs }) => {
  await signInAs("viewer");
  await page.goto("/alerts");
  await expect(page.getByRole("heading", { name: "Open", exact: true, level: 2 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Resolved in the last 7 days", level: 2 })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Acknowledge/ })).toHaveCount(0);
});

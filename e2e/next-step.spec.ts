// The plan dialog as an operator meets it at 3 a.m., on orders-db without touching it: a refused
// plan says which guards refuse it and Run stays off; an admin's overrides are said in the
// headline; Cancel, Escape or another choice start the next plan empty; a link opens a plan.
import type { Page } from "@playwright/test";
import { expectAxeClean } from "./axe";
import { expect, test } from "./fixtures";

const openPlan = async (page: Page, type: string, node: string) => {
  const panel = page.getByRole("region", { name: "Actions" });
  await panel.getByLabel("Action").selectOption(type);
  await panel.getByLabel("Node").selectOption(node);
  await panel.getByRole("button", { name: "Plan…" }).click();
  const dialog = page.getByRole("dialog", { name: `Plan: ${type} ${node} on orders-db` });
  await expect(dialog.getByRole("list", { name: "Guards" })).toBeVisible();
  return dialog;
};

test("a refused plan names its failing guards, keeps Run off, and each plan starts empty", async ({
  page,
  signInAs,
}) => {
  await signInAs("operator");
  await page.goto("/clusters/orders-db");
  await expect(page.getByRole("region", { name: "Actions" }).getByLabel("Action")).toHaveValue("switchover");
  const dialog = await openPlan(page, "failover", "orders-db-2");
  await expect(page).toHaveURL(/\/clusters\/orders-db\?plan=failover&node=orders-db-2$/);
  await expect(dialog.getByRole("status")).toHaveText(/^✗ Refused: primary not confirmed down · about/);
  await expect(dialog.getByRole("checkbox", { name: /override/ })).toHaveCount(0);
  await dialog.getByLabel("Reason (kept in the audit log)").fill("e2e: a failover that should be refused");
  await dialog.getByLabel("Type orders-db to confirm").fill("orders-db");
  await expect(dialog.getByRole("button", { name: "Run failover" })).toBeDisabled();
  await expectAxeClean(page, ".plan-dialog");

  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page).toHaveURL(/\/clusters\/orders-db$/);
  const again = await openPlan(page, "failover", "orders-db-2");
  await expect(again.getByLabel("Reason (kept in the audit log)")).toHaveValue("");
  await expect(again.getByLabel("Type orders-db to confirm")).toHaveValue("");
  await again.getByLabel("Reason (kept in the audit log)").fill("e2e: typed, then another node chosen");
  await page.keyboard.press("Escape");
  await expect(again).toHaveCount(0);
  const other = await openPlan(page, "switchover", "orders-db-3");
  await expect(other.getByLabel("Reason (kept in the audit log)")).toHaveValue("");
  await expect(other.getByLabel("Type orders-db to confirm")).toHaveValue("");
});

test("an admin's overrides let a refused plan run, and the headline says they were overridden", async ({
  page,
  signInAs,
}) => {
  await signInAs("admin");
  await page.goto("/clusters/orders-db?plan=failover&node=orders-db-2");
  const dialog = page.getByRole("dialog", { name: "Plan: failover orders-db-2 on orders-db" });
  await expect(dialog.getByRole("status")).toContainText("Refused: primary not confirmed down");
  await dialog.getByLabel("Type orders-db to confirm").fill("orders-db");
  await dialog.getByLabel("Reason (kept in the audit log)").fill("e2e: override, never run");
  const run = dialog.getByRole("button", { name: "Run failover" });
  await expect(run).toBeDisabled();
  await dialog
    .getByRole("listitem")
    .filter({ hasText: "primary-confirmed-down" })
    .getByRole("checkbox", { name: "override (admin)" })
    .check();
  await expect(dialog.getByRole("status")).toHaveText(
    /^⚠ Refused guards overridden by admin: primary not confirmed down · about/,
  );
  await expect(run).toBeEnabled();
  await expectAxeClean(page, ".plan-dialog");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page).toHaveURL(/\/clusters\/orders-db$/);
});

// The global halt from the UI: an operator turns it on with a reason, every page says so, and
// lifting it clears the banner. Runs with the specs that change the fleet's behaviour.
import { expect, test } from "./fixtures";

test("an operator halts automation and lifts the halt; the banner shows on every page meanwhile", async ({
  page,
  signInAs,
}) => {
  await signInAs("operator");
  await page.goto("/");
  await page.getByRole("button", { name: "Halt automation…" }).click();
  const dialog = page.getByRole("dialog", { name: "Halt automation" });
  await dialog.getByLabel("Reason (kept in the audit log)").fill("e2e: hold everything");
  await dialog.getByRole("button", { name: "Halt" }).click();
  const banner = page.getByRole("alert").filter({ hasText: "Halt is on" });
  await expect(banner).toContainText("e2e: hold everything");
  await page.goto("/clusters/orders-db");
  await expect(banner).toBeVisible();
  await banner.getByRole("button", { name: "Lift the halt…" }).click();
  const lift = page.getByRole("dialog", { name: "Lift the halt" });
  await lift.getByLabel("Reason (kept in the audit log)").fill("e2e: done");
  await lift.getByRole("button", { name: "Lift" }).click();
  await expect(banner).toHaveCount(0);
});

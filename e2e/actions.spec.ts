// Guarded actions through the UI on the demo fleet. These change the fleet, so they run after the
// other specs (a project of their own) and one after another.
import { agentAction } from "./demo-agents";
import { expect, test } from "./fixtures";
import { planAndRun } from "./plan-and-run";

test.describe.configure({ mode: "serial" });

test("a viewer can plan and run nothing", async ({ page, signInAs }) => {
  await signInAs("viewer");
  await page.goto("/clusters/sessions-cache");
  await expect(page.getByRole("heading", { name: "sessions-cache", level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Actions" })).toHaveCount(0);
  const refused = await page.request.post("/api/trpc/actions.run", {
    data: {
      json: {
        cluster: "sessions-cache",
        type: "switchover",
        target: "sessions-2",
        reason: "nope",
        confirm: "sessions-cache",
      },
    },
  });
  expect(refused.status()).toBe(403);
});

test("switches sessions-cache over to its replica, then shows it in the topology and the audit log", async ({
  page,
  signInAs,
}) => {
  await signInAs("operator");
  await page.goto("/clusters/sessions-cache");
  await planAndRun(page, "sessions-cache", "switchover", "sessions-2", {
    planShows:
      "if it does not: roll back: promote sessions-1 again → " + "roll back: validate sessions-1 serves as primary",
  });
  const steps = page.getByRole("list", { name: "Steps" }).getByRole("listitem");
  await expect(steps).toHaveCount(5);
  await expect(steps.filter({ hasText: "succeeded" })).toHaveCount(5);

  // Not the critical alarm's link: the switchover's moment without a writable primary may still be on it.
  await page.locator("a[href='/clusters/sessions-cache']:not(.critical-banner a)").first().click();
  await expect(page.getByRole("button", { name: /^sessions-2, primary, healthy/ })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole("button", { name: /^sessions-1, standby/ })).toBeVisible();

  await page.goto("/audit");
  await expect(page.getByRole("status").filter({ hasText: "chain verified" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "action.switchover" }).first()).toContainText("e2e switchover");
  await expect(page.getByRole("row").filter({ hasText: "action.finish" }).first()).toContainText("succeeded");
});

const cooldown =
  "refuses a failover during the cooldown with the reason shown; " +
  "after the operator lifts it, fails over a crashed primary";
test(cooldown, async ({ page, signInAs }) => {
  await signInAs("operator");
  expect(await agentAction("sessions-2", "inject-fault", { kind: "crash" })).toMatchObject({ status: "done" });
  try {
    await page.goto("/clusters/sessions-cache");
    await expect(page.getByRole("button", { name: /^sessions-2, primary, down/ })).toBeVisible({ timeout: 15_000 });
    const panel = page.getByRole("region", { name: "Actions" });
    await panel.getByLabel("Action").selectOption("failover");
    await panel.getByLabel("Node").selectOption("sessions-1");
    await panel.getByRole("button", { name: "Plan…" }).click();
    const dialog = page.getByRole("dialog", { name: "Plan: failover sessions-1 on sessions-cache" });
    await expect(dialog.getByRole("status")).toContainText(/Refused: .*cooldown not over/);
    await expect(dialog.getByRole("listitem").filter({ hasText: "cooldown" })).toContainText(
      /✗ fail.*cooldown has .* left \(anti-flapping\)/,
    );
    await dialog.getByLabel("Reason (kept in the audit log)").fill("e2e failover after crash");
    await dialog.getByRole("button", { name: "Lift the cooldown (audited)" }).click();
    await expect(dialog.getByRole("listitem").filter({ hasText: "cooldown" })).toContainText(
      "cooldown lifted early by an operator",
    );
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await planAndRun(page, "sessions-cache", "failover", "sessions-1", { acceptLoss: true });
    await expect(page.getByRole("list", { name: "Steps" })).toContainText("fence sessions-2");
  } finally {
    await agentAction("sessions-2", "clear-fault");
    await agentAction("sessions-2", "demote", { upstream: "sessions-1" });
  }
  await page.goto("/clusters/sessions-cache");
  await expect(page.getByRole("button", { name: /^sessions-1, primary, healthy/ })).toBeVisible({ timeout: 10_000 });
});

test("drains a checkout node through the UI, and lets only one of two concurrent actions in", async ({
  page,
  signInAs,
}) => {
  await signInAs("operator");
  await page.goto("/clusters/checkout-api");
  await planAndRun(page, "checkout-api", "drain", "checkout-4");
  await page.goto("/clusters/checkout-api");
  await expect(page.getByRole("button", { name: /^checkout-4, active, healthy, drain/ })).toBeVisible({
    timeout: 10_000,
  });

  const run = (body: Record<string, unknown>) =>
    page.request.post("/api/v1/clusters/checkout-api/actions", {
      data: { reason: "e2e concurrency", confirm: "checkout-api", ...body },
    });
  const [a, b] = await Promise.all([
    run({ type: "undrain", target: "checkout-4" }),
    run({ type: "set-weight", target: "checkout-1", params: { weight: 90 } }),
  ]);
  expect([a.status(), b.status()].sort()).toEqual([202, 409]);
  const refused = [a, b].find((r) => r.status() === 409)!;
  expect((await refused.json()).message).toMatch(/one at a time|is still running/);
});

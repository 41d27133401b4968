// Trusting the failover, as an operator sees it on orders-db (after the drills, which left it with
// a primary of their choosing): a failover planned long after the crash is allowed, the topology
// then shows one primary and the former one to rejoin, unfencing it is refused, and it rejoins
// through the UI; the outage is then one incident with its timeline and Markdown.
import { expectAxeClean } from "./axe";
import { agentAction } from "./demo-agents";
import { expect, test } from "./fixtures";
import { checkIncident } from "./incident-view";
import { planAndRun } from "./plan-and-run";

type Node = { name: string; role: string; state: string; stateChangedAt: string | null };

test("a crashed primary is failed over from, shown as former, kept fenced and rejoined as a standby", async ({
  page,
  signInAs,
}) => {
  // An outage twice the RPO budget, a failover and a rejoin: longer than the default 30 s.
  test.setTimeout(120_000);
  await signInAs("operator");
  const nodes = async () =>
    ((await (await page.request.get("/api/v1/clusters/orders-db")).json()) as { nodes: Node[] }).nodes;
  const primary = (await nodes()).find((n) => n.role === "primary")!.name;

  expect(await agentAction(primary, "inject-fault", { kind: "crash" })).toMatchObject({ status: "done" });
  await page.goto("/clusters/orders-db");
  await expect(page.getByRole("button", { name: new RegExp(`^${primary}, primary, down`) })).toBeVisible({
    timeout: 15_000,
  });
  // Outlast the RPO budget (5 s) twice over: the standby's lag at the loss must not grow with the outage.
  await expect
    .poll(
      async () => {
        const down = (await nodes()).find((n) => n.name === primary);
        return down?.stateChangedAt ? Date.now() - Date.parse(down.stateChangedAt) : 0;
      },
      { timeout: 20_000 },
    )
    .toBeGreaterThan(10_000);

  // The problem offers its fix, to the standby the console would choose, from the overview too.
  await page.goto("/");
  const offered = page
    .getByRole("row", { name: /orders-db/ })
    .getByRole("link", { name: /^Fail over to orders-db-\d — (sync|async), [\d.]+ [KMG]?i?B behind$/ });
  await expect(offered).toBeVisible({ timeout: 10_000 });
  await expectAxeClean(page, "table.fleet");
  const target = /^Fail over to (\S+) /.exec((await offered.textContent()) ?? "")![1]!;
  await offered.click();
  const dialog = page.getByRole("dialog", { name: `Plan: failover ${target} on orders-db` });
  await expect(page).toHaveURL(new RegExp(`/clusters/orders-db\\?plan=failover&node=${target}$`));
  await expect(dialog.getByRole("list", { name: "Guards" })).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  const panel = page.getByRole("region", { name: "Actions" });
  await expect(panel.getByLabel("Action")).toHaveValue("failover");
  await expect(panel.getByLabel("Node")).toHaveValue(target);
  await page
    .getByRole("region", { name: "Summary" })
    .getByRole("link", { name: new RegExp(`^Fail over to ${target} — `) })
    .click();
  const guard = (id: string) => dialog.getByRole("listitem").filter({ has: page.getByText(id, { exact: true }) });
  await expect(guard("lag-within-rpo")).toContainText(new RegExp(`✓ pass.*when ${primary} was last seen`));
  // The drills failed orders-db over a moment ago: the cooldown is the operator's to lift, not the lag.
  if (await guard("cooldown").filter({ hasText: "✗ fail" }).count()) {
    await dialog.getByLabel("Reason (kept in the audit log)").fill("e2e: primary crashed");
    await dialog.getByRole("button", { name: "Lift the cooldown (audited)" }).click();
    await expect(guard("cooldown")).toContainText("✓ pass");
  }
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await planAndRun(page, "orders-db", "failover", target, { acceptLoss: true });

  await page.goto("/clusters/orders-db");
  await expect(page.getByRole("button", { name: new RegExp(`^${target}, primary, healthy`) })).toBeVisible({
    timeout: 10_000,
  });
  const former = page.getByRole("button", {
    name: new RegExp(`^${primary}, former primary, down, must rejoin as a standby, fenced`),
  });
  await expect(former).toBeVisible();
  await expect(page.getByRole("region", { name: "Summary" })).toContainText(
    `${primary}, the former primary, is down and fenced`,
  );
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page
      .getByRole("group", { name: "Topology of orders-db" })
      .screenshot({ path: `test-results/former-primary-${colorScheme}.png` });
  }
  await page.emulateMedia({ colorScheme: "light" });

  await panel.getByLabel("Action").selectOption("unfence");
  await panel.getByLabel("Node").selectOption(primary);
  await panel.getByRole("button", { name: "Plan…" }).click();
  const unfence = page.getByRole("dialog", { name: `Plan: unfence ${primary} on orders-db` });
  await expect(unfence.getByRole("status")).toContainText("Refused: would make a second writer");
  const singleWriter = unfence.getByRole("listitem").filter({ hasText: "single-writer" });
  await expect(singleWriter).toContainText("✗ fail");
  await expect(singleWriter).toContainText(
    `${target} takes writes: ${primary} would be a second writer; rejoin ${primary} as a standby of ${target} instead`,
  );
  await expect(singleWriter).not.toContainText("overridable");
  await unfence.getByRole("button", { name: "Cancel" }).click();

  await agentAction(primary, "clear-fault");
  await expect(page.getByRole("button", { name: new RegExp(`^${primary}, former primary, healthy`) })).toBeVisible({
    timeout: 15_000,
  });
  await page
    .getByRole("region", { name: "Summary" })
    .getByRole("link", { name: `Rejoin ${primary}` })
    .click();
  const rejoin = page.getByRole("dialog", { name: `Plan: rejoin ${primary} on orders-db` });
  await expect(rejoin.getByRole("status")).toContainText("Allowed by every guard");
  await rejoin.getByRole("button", { name: "Cancel" }).click();
  await planAndRun(page, "orders-db", "rejoin", primary, { planShows: `validate ${primary} follows ${target}` });
  await page.goto("/clusters/orders-db");
  await expect(page.getByRole("button", { name: new RegExp(`^${primary}, standby, healthy`) })).toBeVisible({
    timeout: 10_000,
  });
  await checkIncident(page, "orders-db", primary, target);
});

// A full click-through drill on the simulated orders-db: plan with pre-checks, each phase
// advanced by hand, figures against the targets, the report and its history row. It fails the
// demo cluster over, so it runs last, in a project of its own.
import { expect, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

test("an operator runs a click-through primary-crash drill on orders-db to a verdict with its figures", async ({
  page,
  signInAs,
}) => {
  test.setTimeout(120_000);
  await signInAs("operator");
  await page.goto("/drills");
  await page.getByRole("link", { name: "New drill" }).click();
  const form = page.getByRole("form", { name: "New drill" });
  await form.getByLabel("Cluster", { exact: true }).selectOption("orders-db");
  await form.getByLabel("Scenario", { exact: true }).selectOption("primary-crash");
  const plan = page.getByRole("region", { name: "Plan" });
  await expect(plan.getByRole("status")).toHaveText("✓ Every pre-check passes");
  await expect(plan.getByRole("list", { name: "Guards" })).toContainText("cluster-healthy");
  await expect(plan.getByRole("list", { name: "Planned phases" })).toContainText("inject: crash orders-db-1 (primary)");
  await expect(plan.getByRole("list", { name: "Planned phases" })).toContainText(
    "operator-run failover to orders-db-2",
  );
  await page.screenshot({ path: "test-results/drill-new.png", fullPage: true });
  await form.getByLabel("Reason (kept in the audit log)").fill("e2e game day");
  await form.getByLabel("Type orders-db to confirm").fill("orders-db");
  await form.getByRole("button", { name: "Start the drill" }).click();
  await expect(page).toHaveURL(/\/drills\/\w+$/);

  const phases = page.getByRole("list", { name: "Phases" });
  const phase = (name: string) => phases.getByRole("listitem").filter({ has: page.getByText(name, { exact: true }) });
  const advance = async (button: string, name: string) => {
    await page.getByRole("button", { name: button }).click();
    await expect(phase(name)).toContainText("succeeded", { timeout: 30_000 });
  };
  await expect(page.getByRole("button", { name: "Abort and restore" })).toBeEnabled();
  await advance("Inject the fault", "inject");
  await advance("Watch detection", "detect");
  await expect(phase("detect")).toContainText(/orders-db-1 down, confirmed [\d.]+ m?s after the fault/);
  await advance("Fail over", "failover");
  await expect(phase("failover")).toContainText("failover of orders-db to orders-db-2 succeeded");
  // The phase names its action in words, linked to it: never its id.
  await expect(phase("failover").getByRole("link", { name: "failover of orders-db to orders-db-2" })).toHaveAttribute(
    "href",
    /^\/actions\/\w+$/,
  );
  await advance("Verify", "verify");
  await expect(phase("verify")).toContainText("orders-db-2 serves writes as primary");
  await advance("Restore the cluster", "restore");
  await expect(page.getByRole("status", { name: /^Drill / })).toHaveAccessibleName("Drill pass", { timeout: 30_000 });

  const figures = page.getByRole("definition").filter({ hasText: /✓ pass|✗ fail/ });
  await expect(figures).toHaveCount(3);
  const rto = page.locator(".figure").filter({ hasText: "RTO (no writable primary)" });
  await expect(rto).toContainText(/\d+(\.\d)? s|\d+ ms/);
  await expect(rto).toContainText("✓ pass");
  // One format for the RTO wherever the report says it; phases and events count from the drill's start.
  const rtoValue = (await rto.locator(".figure-value").textContent())!;
  await expect(page.getByRole("region", { name: "Drill" })).toContainText(`RTO ${rtoValue} against a target`);
  await expect(page.locator(".figure").filter({ hasText: "Failover decision" })).not.toContainText("not yet");
  await expect(phase("inject")).toContainText(/ · \+\d/);
  await expect(page.getByRole("list", { name: "Drill events" }).getByRole("listitem").first()).toContainText(/^\+\d/);
  await expect(page.locator(".figure").filter({ hasText: "Detection" })).toContainText(/\d/);
  await expect(page.getByRole("figure", { name: "Timeline" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Drill events" })).toContainText("drill.result");
  const drillId = page.url().split("/").pop()!;
  await expect(page.getByRole("link", { name: "Export JSON" })).toHaveAttribute(
    "href",
    `/api/v1/drills/${drillId}?download=1`,
  );
  await page.screenshot({ path: "test-results/drill-report.png", fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: "test-results/drill-report-dark.png", fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });

  await page.getByRole("link", { name: "Drills", exact: true }).click();
  const row = page
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: "Primary crash" }) })
    .first();
  await expect(row).toContainText("orders-db");
  await expect(row).toContainText("pass");
  await page.screenshot({ path: "test-results/drill-history.png", fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: "test-results/drill-history-dark.png", fullPage: true });
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  await expect(page.getByRole("row", { name: /orders-db/ })).toContainText(/\d+/);
  await page.screenshot({ path: "test-results/overview-readiness.png", fullPage: true });
  await page.goto("/clusters/orders-db");
  await expect(page.getByRole("heading", { name: "Readiness" })).toBeVisible();
  await page.screenshot({ path: "test-results/cluster-readiness.png", fullPage: true });
});

test("a game-day script starts a drill through the API; it runs unattended to a verdict", async ({
  page,
  signInAs,
  baseURL,
}) => {
  test.setTimeout(90_000);
  await signInAs("operator");
  const bad = await page.request.post("/api/v1/clusters/orders-db/drills", {
    data: { scenario: "standby-lag", reason: "ci run", confirm: "orders" },
    headers: { origin: baseURL! },
  });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).field).toBe("confirm");
  const started = await page.request.post("/api/v1/clusters/orders-db/drills", {
    data: { scenario: "standby-lag", target: "orders-db-3", reason: "ci game day", confirm: "orders-db" },
    headers: { origin: baseURL! },
  });
  expect(started.status(), await started.text()).toBe(202);
  const { id } = (await started.json()) as { id: string };
  let drill:
    | {
        status: string;
        verdict: string | null;
        phases: { name: string; status: string }[];
        measurements: { detectionMs: number | null; rtoMs: number | null; rpoBytes: number | null };
      }
    | undefined;
  await expect
    .poll(
      async () => {
        drill = await (await page.request.get(`/api/v1/drills/${id}`)).json();
        return drill?.verdict;
      },
      { timeout: 60_000, intervals: [500] },
    )
    .toBe("PASS");
  expect(drill!.phases.map((p) => `${p.name}:${p.status}`)).toEqual([
    "inject:SUCCEEDED",
    "detect:SUCCEEDED",
    "failover:SKIPPED",
    "verify:SUCCEEDED",
    "restore:SUCCEEDED",
  ]);
  expect(drill!.measurements).toMatchObject({ rtoMs: 0, rpoBytes: 0 });
  expect(drill!.measurements.detectionMs).toBeGreaterThan(0);
});

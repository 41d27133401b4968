import AxeBuilder from "@axe-core/playwright";
import { detectionBoundMs } from "../server/detection/bound";
import { agentAction } from "./demo-agents";
import { expect, test } from "./fixtures";

const ORDERS = { intervalMs: 1000, timeoutMs: 800, failureThreshold: 3 };
const REFRESH_MS = 5_000;

test("the cluster page shows topology, charts, nodes and events, and loads cold quickly", async ({
  page,
  signInAs,
}) => {
  await signInAs("viewer");
  const started = Date.now();
  await page.goto("/clusters/orders-db");
  const primary = page.getByRole("button", { name: /^orders-db-1, primary, healthy/ });
  await expect(primary).toBeVisible();
  console.log(`cluster page: data on screen ${Date.now() - started} ms after navigation (cold)`);

  await expect(page.getByRole("heading", { name: "orders-db", level: 1 })).toBeVisible();
  await expect(page.getByRole("group", { name: "Topology of orders-db" })).toContainText(
    /sync · [\d.]+ (B|KiB|MiB) \/ [\d.]+ (ms|s)/,
  );
  await expect(page.getByRole("figure", { name: "Replication lag per standby" })).toBeVisible();
  await expect(page.getByRole("figure", { name: "Poll latency" }).locator(".recharts-line")).toHaveCount(3);
  await expect(page.getByRole("img", { name: /^orders-db-2: healthy \d+ %/ })).toBeVisible();
  const table = page.getByRole("table", { name: "Nodes" });
  await expect(table.getByRole("row", { name: /orders-db-2/ })).toContainText("business replaying");
  await expect(page.getByRole("list", { name: "Recent events" }).getByRole("listitem").first()).toBeVisible();

  await page.getByRole("button", { name: /^orders-db-3,/ }).click();
  const detail = page.getByRole("complementary", { name: "Details of orders-db-3" });
  await expect(detail).toContainText("us-east / us-east-1a");
  await expect(detail).toContainText(/async from orders-db-1/);
  await expect(detail).toContainText("orders-db-1");
  await detail.getByRole("button", { name: "Close the node details" }).click();
  await expect(detail).toHaveCount(0);
});

test("switches the charts' time range", async ({ page, signInAs }) => {
  await signInAs("viewer");
  await page.goto("/clusters/checkout-api");
  const traffic = page.getByRole("figure", { name: "Requests per node (stacked)" });
  await expect(traffic.locator(".recharts-area")).toHaveCount(4);
  await page.getByRole("radio", { name: "7 d" }).check();
  await expect(page.getByRole("radio", { name: "7 d" })).toBeChecked();
  await expect(page.getByRole("figure", { name: "Health timeline" })).toContainText("worst state per 1 h");
  await page.getByRole("radio", { name: "1 h" }).check();
  await expect(page.getByRole("figure", { name: "Health timeline" })).toContainText("worst state per 15 s");
  await expect(traffic.locator(".recharts-area")).toHaveCount(4);
});

test("an injected crash shows on the page within the detection bound plus one refresh", async ({ page, signInAs }) => {
  await signInAs("viewer");
  await page.goto("/clusters/orders-db");
  const node = page.getByRole("button", { name: /^orders-db-3,/ });
  await expect(node).toHaveAccessibleName(/healthy/);
  const injectedAt = Date.now();
  expect(await agentAction("orders-db-3", "inject-fault", { kind: "crash" })).toMatchObject({ status: "done" });
  try {
    const limit = detectionBoundMs(ORDERS) + REFRESH_MS;
    await expect(node).toHaveAccessibleName(/^orders-db-3, standby, down/, { timeout: limit + 1_000 });
    const shownMs = Date.now() - injectedAt;
    console.log(
      `crash on screen after ${shownMs} ms (bound ${detectionBoundMs(ORDERS)} ms + refresh ${REFRESH_MS} ms)`,
    );
    expect(shownMs).toBeLessThanOrEqual(limit + 1_000);
    await expect(page.getByRole("region", { name: "Summary" })).toContainText(
      "standby orders-db-3 down, confirmed by 2/2 peers",
    );
  } finally {
    await agentAction("orders-db-3", "clear-fault");
  }
  await expect(node).toHaveAccessibleName(/healthy/, { timeout: 15_000 });
});

test("a standby that answers while its service fails is shown as such, and named as the cluster's problem", async ({
  page,
  signInAs,
}) => {
  await signInAs("viewer");
  await page.goto("/clusters/sessions-cache");
  expect(await agentAction("sessions-2", "inject-fault", { kind: "errors", rate: 0.9 })).toMatchObject({
    status: "done",
  });
  try {
    await expect(page.getByRole("button", { name: /^sessions-2, standby, healthy, failing/ })).toBeVisible({
      timeout: REFRESH_MS + 5_000,
    });
    await expect(page.getByRole("region", { name: "Summary" })).toContainText("sessions-2 answers but fails ping");
    await expect(page.getByRole("table", { name: "Nodes" }).getByRole("row", { name: /sessions-2/ })).toContainText(
      "service failing",
    );
    // It answers next to a failing check: degraded, not "Healthy".
    await expect(page.getByRole("table", { name: "Nodes" }).getByRole("row", { name: /sessions-2/ })).toContainText(
      "Degraded",
    );
    await expect(page.getByRole("list", { name: "Recent events" })).toContainText(
      "sessions-2 (standby) answers but its service fails",
    );
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await page
        .getByRole("group", { name: "Topology of sessions-cache" })
        .screenshot({ path: `test-results/service-failing-topology-${colorScheme}.png` });
      await page
        .getByRole("table", { name: "Nodes" })
        .screenshot({ path: `test-results/service-failing-nodes-${colorScheme}.png` });
      const results = await new AxeBuilder({ page }).include(".topology-node").include("table").analyze();
      expect(
        results.violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => `${colorScheme} ${v.id}`),
      ).toEqual([]);
    }
  } finally {
    await agentAction("sessions-2", "clear-fault");
  }
  await expect(page.getByRole("button", { name: /^sessions-2, standby, healthy, eu-west-1b/ })).toBeVisible({
    timeout: REFRESH_MS + 5_000,
  });
});

test("has no serious accessibility violations, in both themes", async ({ page, signInAs }) => {
  await signInAs("viewer");
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto("/clusters/checkout-api");
    await expect(page.getByRole("button", { name: /^checkout-1,/ })).toBeVisible();
    await expect(page.getByRole("figure", { name: "Poll latency" }).locator(".recharts-line")).toHaveCount(4);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(
      serious.map((v) => `${colorScheme} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`),
    ).toEqual([]);
  }
});

test("an unknown cluster is a plain not-found page", async ({ page, signInAs }) => {
  await signInAs("viewer");
  // The page streams (its layout has a loading state), so the answer is the not-found page, not a 404.
  await page.goto("/clusters/no-such-cluster");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("the theme follows the system, or the reader's choice kept across pages", async ({ page, signInAs }) => {
  await signInAs("viewer");
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/clusters/sessions-cache");
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await background()).toBe("rgb(246, 247, 249)");
  await page.getByRole("combobox", { name: "Theme" }).selectOption("dark");
  expect(await background()).toBe("rgb(15, 18, 22)");
  await page.goto("/");
  await expect(page.getByRole("combobox", { name: "Theme" })).toHaveValue("dark");
  expect(await background()).toBe("rgb(15, 18, 22)");
  await page.getByRole("combobox", { name: "Theme" }).selectOption("system");
  expect(await background()).toBe("rgb(246, 247, 249)");
});

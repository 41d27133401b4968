// A cluster's hooks and client routes, as an admin edits them on the cluster page: lists kept on the
// page until saved with a reason, a new http hook's signing secret shown once, a TSIG secret never
// shown back, wrong fields named and focused. checkout-api's lists are the ones changed: no spec of
// this project plans an action on it, and each test empties what it set before the actions run.
import type { Locator, Page } from "@playwright/test";
import { expectAxeClean } from "./axe";
import { expect, test } from "./fixtures";

const CLUSTER = "checkout-api";
const TSIG_SECRET = "c2VjcmV0LWtleS1mb3ItZTJl";

async function openPanel(page: Page, summary: string) {
  await page.goto(`/clusters/${CLUSTER}`);
  const panel = page.locator("details").filter({ has: page.locator("summary", { hasText: summary }) });
  await panel.locator("summary").click();
  return panel;
}

async function save(panel: Locator, what: string, reason: string) {
  await panel.getByLabel("Reason (kept in the audit log)").fill(reason);
  await panel.getByRole("button", { name: `Save ${what}` }).click();
}

/** Empties the cluster's list through the API the panel uses, whatever the test left. */
async function restore(page: Page, baseURL: string, procedure: string, input: object) {
  const response = await page.request.post(`/api/trpc/hooks.${procedure}`, {
    data: { json: { cluster: CLUSTER, reason: "e2e: leave checkout-api as it was", ...input } },
    headers: { origin: baseURL },
  });
  expect(response.status(), await response.text()).toBe(200);
}

test("an admin adds, orders and saves hooks; a new http hook's secret is shown once", async ({
  page,
  signInAs,
  baseURL,
  consoleErrors,
}) => {
  // The refused save is a 400, which the browser logs.
  consoleErrors.allow(/status of 400 .*hooks\.replaceHooks/);
  // Three visits to the cluster page and two saves.
  test.setTimeout(90_000);
  await signInAs("admin");
  const panel = await openPanel(page, "Hooks (admin)");
  await expect(panel.getByRole("heading", { name: "No hooks yet" })).toBeVisible();
  try {
    const add = panel.getByRole("form", { name: "Add a hook" });
    await add.getByLabel("Name", { exact: true }).fill("notify-ci");
    await add.getByLabel("When").selectOption({ label: "After the failover or switchover" });
    await add.getByLabel("URL").fill("https://ci.example.com/e2e-failover");
    await add.getByLabel("Required: before fencing or draining, its failure stops the action").uncheck();
    await add.getByRole("button", { name: "Add hook" }).click();
    await expect(panel.getByText("Unsaved changes: nothing is stored until saved.")).toBeVisible();

    await add.getByLabel("Name", { exact: true }).fill("pause-app");
    await add.getByLabel("When").selectOption({ label: "Before the old primary is fenced" });
    await add.getByLabel("Kind").selectOption({ label: "Command on a node" });
    await add.getByLabel("Node (its agent runs it)").selectOption("checkout-2");
    await add.getByLabel("Arguments, one a line").fill("echo\npaused");
    await add.getByLabel("Timeout (s)").fill("2.5");
    await add.getByRole("button", { name: "Add hook" }).click();
    const argv = add.getByLabel("Arguments, one a line");
    await expect(add.getByText("The first line is the program's absolute path (no shell runs it).")).toBeVisible();
    await expect(argv).toBeFocused();
    await argv.fill("/bin/echo\npaused");
    await add.getByRole("button", { name: "Add hook" }).click();

    await expect(panel.locator("tbody th")).toHaveText(["notify-ci", "pause-app"]);
    await panel.getByRole("button", { name: "Move pause-app up" }).click();
    await expect(panel.locator("tbody th")).toHaveText(["pause-app", "notify-ci"]);
    await expectAxeClean(page, "details[open]");
    await save(panel, "hooks", "e2e: hooks around checkout-api's actions");
    await expect(panel.getByText("Saved: the next action runs these hooks.")).toBeVisible();
    await expect(page.getByTestId("hook-secret")).toHaveCount(1);
    await expect(page.getByTestId("hook-secret")).toHaveText(/^whsec_/);
    await page
      .getByRole("status", { name: "Signing secret of notify-ci" })
      .getByRole("button", { name: "Done" })
      .click();
    await expect(page.getByTestId("hook-secret")).toHaveCount(0);

    const again = await openPanel(page, "Hooks (admin)");
    await expect(again.locator("tbody th")).toHaveText(["pause-app", "notify-ci"]);
    const pause = again.getByRole("row", { name: /pause-app/ });
    await expect(pause).toContainText("Before the old primary is fenced");
    await expect(pause).toContainText("checkout-2: /bin/echo paused");
    await expect(pause).toContainText("required");
    await expect(pause).toContainText("2.5 s");
    const notify = again.getByRole("row", { name: /notify-ci/ });
    await expect(notify).toContainText("POST https://ci.example.com/e2e-failover");
    await expect(notify).toContainText("best-effort");
    await expect(page.getByTestId("hook-secret")).toHaveCount(0);

    const addAgain = again.getByRole("form", { name: "Add a hook" });
    await addAgain.getByLabel("Name", { exact: true }).fill("bad-url");
    await addAgain.getByLabel("URL").fill("ftp://x");
    await addAgain.getByRole("button", { name: "Add hook" }).click();
    await save(again, "hooks", "e2e: a hook the console cannot call");
    await expect(again.getByRole("alert")).toHaveText("url of bad-url: url must be an http(s) URL");
    await again.getByRole("button", { name: "Remove bad-url" }).click();
    await expect(again.getByRole("alert")).toHaveCount(0);
    await expect(again.getByText("No unsaved changes.")).toBeVisible();
  } finally {
    await restore(page, baseURL!, "replaceHooks", { hooks: [] });
  }
});

test("an admin sets the nodes' client addresses and a DNS route, whose secret is never shown back", async ({
  page,
  signInAs,
  baseURL,
  consoleErrors,
}) => {
  consoleErrors.allow(/status of 400 .*hooks\.replaceRoutes/);
  test.setTimeout(90_000);
  await signInAs("admin");
  const panel = await openPanel(page, "Client routes (admin)");
  await expect(panel.getByRole("heading", { name: "No client routes yet" })).toBeVisible();
  try {
    await panel.getByLabel("checkout-1", { exact: true }).fill("10.0.0.11");
    await panel.getByLabel("checkout-2", { exact: true }).fill("10.0.0.12:8080");
    await panel.getByLabel("checkout-3", { exact: true }).fill("checkout-3.example.test:8080");
    await panel.getByLabel("checkout-4", { exact: true }).fill("10.0.0.14:8080");
    const add = panel.getByRole("form", { name: "Add a route" });
    await add.getByLabel("Name", { exact: true }).fill("write-name");
    await add.getByLabel("Kind").selectOption({ label: "DNS name" });
    await add.getByLabel("DNS server (host:port)").fill("127.0.0.1:5300");
    await add.getByLabel("Zone").fill("example.test");
    await add.getByLabel("Record").fill("checkout");
    await add.getByLabel("TTL (s)").fill("20");
    await add.getByLabel("TSIG key name").fill("console-key");
    await add.getByLabel("Key algorithm").selectOption("hmac-sha512");
    await add.getByRole("button", { name: "Add route" }).click();
    const secret = add.getByLabel("Key secret (base64)");
    await expect(add.getByText("The key's secret is needed.")).toBeVisible();
    await expect(secret).toBeFocused();
    await secret.fill(TSIG_SECRET);
    await add.getByRole("button", { name: "Add route" }).click();
    const row = panel.getByRole("row", { name: /write-name/ });
    await expect(row).toContainText("DNS checkout.example.test at 127.0.0.1:5300, TTL 20 s, key console-key");
    await expectAxeClean(page, "details[open]");

    await save(panel, "routes", "e2e: checkout-api's write name");
    await expect(panel.getByRole("alert")).toHaveText("Client address of checkout-1: give host:port");
    await expect(panel.getByLabel("checkout-1", { exact: true })).toBeFocused();
    await panel.getByLabel("checkout-1", { exact: true }).fill("10.0.0.11:8080");
    await panel.getByRole("button", { name: "Save routes" }).click();
    await expect(panel.getByRole("alert")).toHaveText(
      "Client address of checkout-3: a DNS route needs checkout-3's client address as an IP address",
    );
    await expect(panel.getByLabel("checkout-3", { exact: true })).toBeFocused();
    await panel.getByLabel("checkout-3", { exact: true }).fill("10.0.0.13:8080");
    await panel.getByRole("button", { name: "Save routes" }).click();
    await expect(panel.getByText("Saved: the next action moves these routes.")).toBeVisible();

    const again = await openPanel(page, "Client routes (admin)");
    await expect(again.getByRole("row", { name: /write-name/ })).toContainText("key console-key");
    await expect(again.getByLabel("checkout-1", { exact: true })).toHaveValue("10.0.0.11:8080");
    await expect(again.getByLabel("checkout-2", { exact: true })).toHaveValue("10.0.0.12:8080");
    await expect(again.getByLabel("checkout-3", { exact: true })).toHaveValue("10.0.0.13:8080");
    await expect(page.locator("body")).not.toContainText(TSIG_SECRET);
  } finally {
    const addresses = { "checkout-1": null, "checkout-2": null, "checkout-3": null, "checkout-4": null };
    await restore(page, baseURL!, "replaceRoutes", { routes: [], addresses });
  }
});

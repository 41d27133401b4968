// Not found is one page, in the console's layout, naming what is missing; a thing the server says
// is not there is neither retried nor polled again.
import { expect, test } from "./fixtures";

test("an unknown cluster, action or drill is the console's not-found page, under its navigation", async ({
  page,
  signInAs,
}) => {
  await signInAs("viewer");
  for (const [path, words] of [
    ["/clusters/nope", "There is no cluster nope."],
    ["/actions/nope", "There is no action nope."],
    ["/drills/nope", "There is no drill nope."],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("main")).toContainText(words);
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await page.getByRole("link", { name: "Back to the clusters" }).click();
    await expect(page).toHaveURL(/\/$/);
  }
});

test("an endpoint the server does not know is asked for once, not polled", async ({
  page,
  signInAs,
  consoleErrors,
}) => {
  consoleErrors.allow(/status of 404/);
  await signInAs("admin");
  const asked: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("webhooks.deliveries")) asked.push(request.url());
  });
  await page.goto("/settings/webhooks/nope");
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("There is no webhook endpoint nope.");
  // Longer than the log's 5 s refresh: a second request would be a poll or a retry.
  await page.waitForTimeout(6_500);
  expect(asked).toHaveLength(1);
});

// A harmless action through the REST API, awaited to its end: a weight set to what it is (100), so
// a spec has an action of its own to find in the history without changing the fleet.
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

export async function setWeightTo100(page: Page, node: string, reason: string): Promise<string> {
  const requested = await page.request.post("/api/v1/clusters/checkout-api/actions", {
    data: { type: "set-weight", target: node, params: { weight: 100 }, reason, confirm: "checkout-api" },
  });
  expect(requested.status(), await requested.text()).toBe(202);
  const { id } = (await requested.json()) as { id: string };
  await expect
    .poll(async () => (await (await page.request.get(`/api/v1/actions/${id}`)).json()).status, { timeout: 30_000 })
    .toBe("SUCCEEDED");
  return id;
}

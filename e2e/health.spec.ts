import { expect, test } from "@playwright/test";

test("GET /api/health answers 200 with the database ok", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(await response.json()).toMatchObject({ status: "ok", db: "ok" });
});

import { expect, test } from "./fixtures";

test("an admin makes an API token, shown once, that reads the live fleet from the API", async ({
  page,
  request,
  signInAs,
}) => {
  await signInAs("admin");
  await page.goto("/settings/api-tokens");
  await expect(page.getByRole("heading", { name: "API tokens", exact: true })).toBeVisible();
  await page.getByLabel("Name").fill("e2e-monitoring");
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByTestId("api-token");
  await expect(shown).toHaveText(/^hao_[A-Za-z0-9_-]{43}$/);
  const token = (await shown.textContent())!;
  await page.getByRole("button", { name: "Done" }).click();
  await expect(shown).toHaveCount(0);
  await expect(page.getByRole("row", { name: /e2e-monitoring/ })).toContainText("admin@e2e.test");

  const anonymous = await request.get("/api/v1/clusters/sessions-cache", { headers: { cookie: "" } });
  expect(anonymous.status()).toBe(401);
  await expect(async () => {
    const response = await request.get("/api/v1/clusters/sessions-cache", {
      headers: { authorization: `Bearer ${token}`, cookie: "" },
    });
    expect(response.status()).toBe(200);
    const cluster = await response.json();
    expect(cluster).toMatchObject({ name: "sessions-cache", mode: "active-passive", detectionBoundMs: 3800 });
    expect(
      cluster.nodes.map((n: { name: string; role: string; state: string }) => `${n.name} ${n.role} ${n.state}`),
    ).toEqual(["sessions-1 primary HEALTHY", "sessions-2 standby HEALTHY"]);
  }).toPass({ timeout: 15_000 });

  await page.getByRole("button", { name: "Revoke e2e-monitoring" }).click();
  await expect(page.getByRole("row", { name: /e2e-monitoring/ })).toContainText("revoked");
  const revoked = await request.get("/api/v1/clusters", { headers: { authorization: `Bearer ${token}`, cookie: "" } });
  expect(revoked.status()).toBe(401);
});

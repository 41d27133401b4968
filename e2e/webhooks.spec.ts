// Webhooks through the UI against a real receiver on 127.0.0.1 that verifies every signature
// with the `standardwebhooks` library. Runs with the specs that change the demo fleet; checkout-3
// is one no other spec touches (roles.spec rotates checkout-2's token, actions.spec drains checkout-4).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { agentAction } from "./demo-agents";
import { expect, test } from "./fixtures";

test.describe.configure({ mode: "serial" });

interface Arrival {
  at: number;
  id: string;
  body: { type: string; timestamp: string; data: { summary: string; node: string | null } };
}

let server: Server;
let secret = "";
const arrivals: Arrival[] = [];

test.beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    try {
      const body = new Webhook(secret).verify(
        Buffer.concat(chunks).toString("utf8"),
        req.headers as Record<string, string>,
      ) as Arrival["body"];
      arrivals.push({ at: Date.now(), id: String(req.headers["webhook-id"]), body });
      res.writeHead(204).end();
    } catch (error) {
      console.log("receiver refused a delivery:", String(error), req.headers);
      res.writeHead(400).end("bad signature");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});

test.afterAll(() => server.close());

test("an admin adds an endpoint, tests it, and a node going down arrives signed within a second", async ({
  page,
  signInAs,
}) => {
  await signInAs("admin");
  await page.goto("/settings/webhooks");
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  await page.getByLabel("URL").fill(url);
  await page.getByLabel("Events (comma-separated, * for all)").fill("node.down, node.recovered");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const shown = page.getByTestId("webhook-secret");
  await expect(shown).toHaveText(/^whsec_/);
  secret = (await shown.textContent())!;
  await page.getByRole("button", { name: "Done" }).click();

  await page.getByRole("button", { name: `Send a test event to ${url}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Test event:" })).toContainText("HTTP 204");

  expect(await agentAction("checkout-3", "inject-fault", { kind: "crash" })).toMatchObject({ status: "done" });
  try {
    const down = await expect
      .poll(() => arrivals.find((a) => a.body.type === "node.down" && a.body.data.node === "checkout-3"), {
        timeout: 15_000,
      })
      .toBeTruthy()
      .then(() => arrivals.find((a) => a.body.type === "node.down" && a.body.data.node === "checkout-3")!);
    const latencyMs = down.at - new Date(down.body.timestamp).getTime();
    console.log(`webhook: node.down arrived ${latencyMs} ms after the node was marked down`);
    expect(latencyMs).toBeLessThan(1_000);
  } finally {
    await agentAction("checkout-3", "clear-fault");
  }
  await expect
    .poll(() => arrivals.some((a) => a.body.type === "node.recovered" && a.body.data.node === "checkout-3"), {
      timeout: 15_000,
    })
    .toBe(true);

  await page.getByRole("link", { name: url }).click();
  const deliveries = page.getByRole("list", { name: "Deliveries" });
  await expect(deliveries.getByRole("listitem").filter({ hasText: "node.down" }).first()).toContainText("succeeded");
  await expect(deliveries).toContainText("HTTP 204");
  // A redelivery repeats its message's webhook-id. Other specs crash nodes meanwhile, so more
  // node.down messages may arrive: look for the repeat, not for a count.
  const before = arrivals.length;
  const sent = new Set(arrivals.map((a) => a.id));
  await deliveries
    .getByRole("button", { name: /^Redeliver / })
    .first()
    .click();
  await expect.poll(() => arrivals.slice(before).some((a) => sent.has(a.id)), { timeout: 10_000 }).toBe(true);
  expect(arrivals.slice(before).find((a) => sent.has(a.id))!.id).toMatch(/^msg_/);
});

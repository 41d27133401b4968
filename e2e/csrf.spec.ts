// CSRF in a real browser: a page on another port of 127.0.0.1 (the same site, so SameSite=Lax
// still sends the session cookie) auto-submits a text/plain form to the console while an operator
// is signed in. The console refuses it and the halt is not set. Runs with the specs that change
// the fleet's behaviour, since a regression would set the halt.
import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./fixtures";

let server: Server;
const pages = new Map<string, string>();

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const page = pages.get(req.url ?? "");
    res.writeHead(page ? 200 : 404, { "content-type": "text/html; charset=utf-8" }).end(page ?? "");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
});

test.afterAll(() => server.close());

/**
 * A form whose text/plain body reads as JSON: `name=value` with the name `{"…","x":"` and the
 * value `"}` makes `{…,"x":"="}`.
 */
function formPage(action: string, fields: Record<string, unknown>): string {
  const name = `${JSON.stringify(fields).slice(0, -1)},"x":"`;
  return `<!doctype html><title>Win a prize</title>
<form method="POST" action="${action}" enctype="text/plain"><input type="hidden" name='${name}' value='"}'></form>
<script>document.forms[0].submit()</script>`;
}

const targets = [
  { path: "/api/v1/halt", fields: (reason: string) => ({ active: true, reason }) },
  { path: "/api/trpc/halt.set", fields: (reason: string) => ({ json: { active: true, reason } }) },
];

for (const target of targets) {
  test(`a text/plain form on another port cannot POST ${target.path} with the operator's cookie`, async ({
    page,
    signInAs,
    baseURL,
    consoleErrors,
  }) => {
    consoleErrors.allow(/status of 403/);
    // The refused form leaves the browser on the API's JSON answer, where it looks for a favicon.ico.
    consoleErrors.allow(/status of 404 .*\/favicon\.ico\)$/);
    await signInAs("operator");
    const marker = `csrf-${randomBytes(4).toString("hex")}`;
    const action = `${baseURL}${target.path}`;
    pages.set(`/${marker}`, formPage(action, target.fields(marker)));

    const submitted = page.waitForResponse((sent) => sent.url() === action && sent.request().method() === "POST");
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/${marker}`);
    const response = await submitted;
    // The browser did send the operator's session: only the console's check stands in the way.
    expect((await response.request().allHeaders()).cookie).toMatch(/ha-console\.session_token=/);
    expect(response.status()).toBe(403);
    expect(await response.json()).toMatchObject({ error: "cross_site", message: expect.stringMatching(/^Refused: /) });

    const halt = await (await page.request.get("/api/v1/halt")).json();
    expect(halt.reason).not.toBe(marker);
    const audit = await (await page.request.get(`/api/v1/audit?q=${marker}`)).json();
    expect(audit.entries).toEqual([]);
  });
}

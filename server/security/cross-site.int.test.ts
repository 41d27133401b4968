// The red team's CSRF findings, replayed against the real route handlers: a signed-in browser's
// write counts only as JSON from the console's own origin; API tokens are not asked.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "../api-tokens/tokens.ts";
import { db } from "../db/client.ts";
import { makeActors } from "../testing/actors.ts";
import { makeUser, sessionCookie } from "../testing/users.ts";
import * as authRoute from "../../app/api/auth/[...all]/route.ts";
import * as actionsRoute from "../../app/api/v1/clusters/[name]/actions/route.ts";
import * as plansRoute from "../../app/api/v1/clusters/[name]/plans/route.ts";
import * as haltRoute from "../../app/api/v1/halt/route.ts";
import * as trpcRoute from "../../app/api/trpc/[trpc]/route.ts";

const CONSOLE = "http://127.0.0.1:3000";
/** A page on another port of the console's host: the same site, so SameSite=Lax sends the cookie. */
const FORM_PAGE = "http://127.0.0.1:8080";
const marker = `csrf-${randomBytes(4).toString("hex")}`;

let cluster: string;
let operatorCookie: string;
let operatorToken: string;

beforeAll(async () => {
  cluster = (await makeActors()).agentNode.cluster;
  const operator = await makeUser("operator");
  operatorCookie = await sessionCookie(operator.email);
  const created = await createApiToken(db(), await makeUser("admin"), {
    name: marker,
    userEmail: operator.email,
    role: "operator",
  });
  operatorToken = created!.token;
});

/** A POST as a browser would send it to the console at 127.0.0.1:3000. */
function post(path: string, headers: Record<string, string>, body: unknown) {
  return new Request(`${CONSOLE}${path}`, {
    method: "POST",
    headers: { host: "127.0.0.1:3000", cookie: operatorCookie, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const params = () => ({ params: Promise.resolve({ name: cluster }) });
const auditedWithMarker = () => db().auditEntry.count({ where: { reason: { contains: marker } } });
const text = (origin: string) => ({ origin, "content-type": "text/plain" });
const json = (origin: string) => ({ origin, "content-type": "application/json" });

describe("cross-site writes with the operator's cookie", () => {
  it("a text/plain form on another port of the same host cannot set the halt (was 200)", async () => {
    // What <form enctype="text/plain"> makes of <input name='{"active":true,"reason":"…","x":"' value='"}'>.
    const formBody = `{"active":true,"reason":"${marker}","x":"="}\r\n`;
    const fromForm = await haltRoute.POST(post("/api/v1/halt", text(FORM_PAGE), formBody));
    expect(fromForm.status).toBe(403);
    expect(await fromForm.json()).toEqual({
      error: "cross_site",
      message: `Refused: a signed-in write must come from the console's own pages (${CONSOLE}), not from ${FORM_PAGE}.`,
    });
    const sameSite = { "sec-fetch-site": "same-site", "content-type": "application/json" };
    expect((await haltRoute.POST(post("/api/v1/halt", sameSite, formBody))).status).toBe(403);
    expect((await haltRoute.POST(post("/api/v1/halt", text(CONSOLE), formBody))).status).toBe(403);
    expect((await db().setting.findUnique({ where: { key: "halt" } }))?.value).not.toMatchObject({ reason: marker });
    expect(await auditedWithMarker()).toBe(0);
  });

  it("Origin: http://evil.example with text/plain cannot request an action (was 202)", async () => {
    const body = { type: "fence", target: "n2", reason: marker, confirm: cluster };
    const response = await actionsRoute.POST(post("/x", text("http://evil.example"), body), params());
    expect(response.status).toBe(403);
    expect(await db().action.count({ where: { cluster: { name: cluster } } })).toBe(0);
    expect(await auditedWithMarker()).toBe(0);
  });

  it("the console's own pages still write: JSON with their Origin, or Sec-Fetch-Site: same-origin", async () => {
    const plan = { type: "fence", target: "n2" };
    expect((await plansRoute.POST(post("/x", json(CONSOLE), plan), params())).status).toBe(200);
    const fetchMetadata = { "sec-fetch-site": "same-origin", "content-type": "application/json; charset=utf-8" };
    expect((await plansRoute.POST(post("/x", fetchMetadata, plan), params())).status).toBe(200);
  });

  it("an API token is not asked for an origin or a content type", async () => {
    const headers = { authorization: `Bearer ${operatorToken}`, ...text("http://evil.example") };
    expect((await plansRoute.POST(post("/x", headers, { type: "fence", target: "n2" }), params())).status).toBe(200);
  });

  it("tRPC mutations: only JSON from the console's origin reaches the procedure", async () => {
    const call = { 0: { json: { active: true, reason: "x" } } };
    const path = "/api/trpc/halt.set?batch=1";
    expect((await trpcRoute.POST(post(path, text(FORM_PAGE), call))).status).toBe(403);
    expect((await trpcRoute.POST(post(path, json("http://evil.example"), call))).status).toBe(403);
    // The UI's client: JSON from the page's origin. Its too-short reason is refused by the procedure.
    const own = await trpcRoute.POST(post(path, json(CONSOLE), call));
    expect(own.status).toBe(400);
    expect((await own.json())[0].error.json.message).toBe("reason: Give a reason (at least 3 characters)");
  });

  it("tRPC reads: a plan, audited in the caller's name, is made only for the console's own pages", async () => {
    const input = encodeURIComponent(JSON.stringify({ 0: { json: { cluster, type: "fence", target: "n2" } } }));
    const url = `${CONSOLE}/api/trpc/actions.plan?batch=1&input=${input}`;
    const headers = (site: string) => ({ host: "127.0.0.1:3000", cookie: operatorCookie, "sec-fetch-site": site });
    const get = (site: string) => trpcRoute.GET(new Request(url, { headers: headers(site) }));
    const plans = () => db().auditEntry.count({ where: { action: "plan.fence", target: `${cluster}/n2` } });
    const before = await plans();
    const fromSibling = await get("same-site");
    expect(fromSibling.status).toBe(403);
    expect(await fromSibling.json()).toEqual({
      error: "cross_site",
      message: "Refused: a signed-in read must come from the console's own pages; this one is same-site.",
    });
    expect((await get("cross-site")).status).toBe(403);
    expect(await plans()).toBe(before);
    expect((await get("same-origin")).status).toBe(200);
    expect(await plans()).toBe(before + 1);
  });

  it("/api/auth: signing out or in from another origin is refused before better-auth sees it", async () => {
    expect((await authRoute.POST(post("/api/auth/sign-out", text(FORM_PAGE), {}))).status).toBe(403);
    const signIn = post("/api/auth/sign-in/email", json("http://evil.example"), { email: "a@b.c", password: "x" });
    expect((await authRoute.POST(signIn)).status).toBe(403);
    const cookie = await sessionCookie((await makeUser("viewer")).email);
    const own = post("/api/auth/sign-out", { cookie, ...json(CONSOLE) }, {});
    expect((await authRoute.POST(own)).status).toBe(200);
  });
});

// The red team's findings on hostile input, replayed against the real route handlers and tRPC:
// bodies over the limit (413, unread), batches over the limit (400), and NULs, lone surrogates and
// far-off dates (400 naming the field) that once reached PostgreSQL and came back as 500s.
import superjson from "superjson";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "./body-limit.ts";
import { makeActors, type Actors } from "../testing/actors.ts";
import * as authRoute from "../../app/api/auth/[...all]/route.ts";
import * as actionRoute from "../../app/api/v1/actions/[id]/route.ts";
import * as auditRoute from "../../app/api/v1/audit/route.ts";
import * as clusterRoute from "../../app/api/v1/clusters/[name]/route.ts";
import * as plansRoute from "../../app/api/v1/clusters/[name]/plans/route.ts";
import * as drillsRoute from "../../app/api/v1/drills/route.ts";
import * as haltRoute from "../../app/api/v1/halt/route.ts";
import * as trpcRoute from "../../app/api/trpc/[trpc]/route.ts";

const HUNDRED_MB = 100 * 1024 * 1024;
const CHUNK = 16 * 1024;
const json = { "content-type": "application/json" };

let headersOf: Actors["headersOf"];
let cluster: string;

beforeAll(async () => {
  const actors = await makeActors();
  ({ headersOf } = actors);
  cluster = actors.agentNode.cluster;
});

/** A POST whose 100 MB body is made only as it is read; `pulled` counts what was read. */
function hugePost(url: string, headers: HeadersInit, declare: boolean) {
  const pulled = { bytes: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= HUNDRED_MB) return controller.close();
      pulled.bytes += CHUNK;
      controller.enqueue(new Uint8Array(CHUNK).fill(32));
    },
  });
  const all = new Headers(headers);
  if (declare) all.set("content-length", String(HUNDRED_MB));
  const init = { method: "POST", headers: all, body, duplex: "half" } as RequestInit;
  return { request: new Request(url, init), pulled };
}

const get = (path: string, headers: HeadersInit) => new Request(`http://localhost${path}`, { headers });
const withJson = (headers: HeadersInit) => ({ ...Object.fromEntries(new Headers(headers)), ...json });
const postJson = (path: string, headers: HeadersInit, body: unknown) =>
  new Request(`http://localhost${path}`, { method: "POST", headers: withJson(headers), body: JSON.stringify(body) });

async function expectField(response: Response, field: string, message: RegExp) {
  expect(response.status).toBe(400);
  const body = await response.json();
  expect(body.field).toBe(field);
  expect(body.message).toMatch(message);
}

const UNSAFE = /contains a NUL character or a lone UTF-16 surrogate/;
const OUT_OF_RANGE = /must be between 1970-01-01 and 9999-12-31/;

describe("bodies over the limit are refused before they are read", () => {
  it("anonymous 100 MB bodies to tRPC and /api/auth: 413, by Content-Length or once past the limit", async () => {
    for (const [handler, url] of [
      [trpcRoute.POST, "http://localhost/api/trpc/setup.createFirstAdmin"],
      [authRoute.POST, "http://localhost/api/auth/sign-in/email"],
    ] as const) {
      for (const declare of [true, false]) {
        const { request, pulled } = hugePost(url, json, declare);
        const response = await handler(request);
        expect(response.status).toBe(413);
        expect((await response.json()).message).toBe(`A request body is at most ${MAX_BODY_BYTES} bytes.`);
        expect(pulled.bytes).toBeLessThanOrEqual(declare ? 2 * CHUNK : MAX_BODY_BYTES + 2 * CHUNK);
      }
    }
  });

  it("the REST API: 413", async () => {
    for (const declare of [true, false]) {
      const { request, pulled } = hugePost("http://localhost/api/v1/halt", withJson(headersOf.operator), declare);
      expect((await haltRoute.POST(request)).status).toBe(413);
      expect(pulled.bytes).toBeLessThanOrEqual(MAX_BODY_BYTES + 2 * CHUNK);
    }
  });

  it("a viewer's batch of 200 audit.chain calls: 400 without running one; 20 still run", async () => {
    const batch = (n: number) => `/api/trpc/${Array(n).fill("audit.chain").join(",")}?batch=1&input={}`;
    const refused = await trpcRoute.GET(get(batch(200), headersOf.viewer));
    expect(refused.status).toBe(400);
    expect((await refused.json()).message).toBe("A batch holds at most 20 calls; this one has 200.");
    expect((await trpcRoute.GET(get(batch(20), headersOf.viewer))).status).toBe(200);
  });
});

describe("NULs, lone surrogates and far-off dates: 400 naming the field", () => {
  it("the REST API's query strings and paths", async () => {
    const viewer = headersOf.viewer;
    const audit = (query: string) => auditRoute.GET(get(`/api/v1/audit?${query}`, viewer));
    const drills = (query: string) => drillsRoute.GET(get(`/api/v1/drills?${query}`, viewer));
    await expectField(await audit("q=%00"), "q", UNSAFE);
    await expectField(await audit("since=275760-09-13"), "since", OUT_OF_RANGE);
    await expectField(await audit("before=99999999999999999999"), "before", /9007199254740991/);
    await expectField(await drills("cluster=%00"), "cluster", UNSAFE);
    await expectField(await drills("before=0000-01-01T00:00:00Z"), "before", OUT_OF_RANGE);
    // Next.js hands path segments over decoded: /api/v1/clusters/%00 arrives as a NUL.
    const nulName = { params: Promise.resolve({ name: "\u0000" }) };
    await expectField(await clusterRoute.GET(get("/api/v1/clusters/%00", viewer), nulName), "name", UNSAFE);
    const nulId = { params: Promise.resolve({ id: "a\u0000" }) };
    await expectField(await actionRoute.GET(get("/api/v1/actions/a%00", viewer), nulId), "id", UNSAFE);
  });

  it("the REST API's bodies", async () => {
    const params = { params: Promise.resolve({ name: cluster }) };
    const plan = postJson("/x", headersOf.operator, { type: "fence", target: "n\uD800" });
    await expectField(await plansRoute.POST(plan, params), "target", UNSAFE);
    const halt = postJson("/api/v1/halt", headersOf.operator, { active: true, reason: "stop\u0000now" });
    await expectField(await haltRoute.POST(halt), "reason", UNSAFE);
  });

  it("a sign-in email with \\u0000 (was 500), and /api/auth's query strings", async () => {
    const credentials = { email: "ops\u0000@example.com", password: "whatever-it-is" };
    const signIn = postJson("/api/auth/sign-in/email", {}, credentials);
    await expectField(await authRoute.POST(signIn), "email", UNSAFE);
    await expectField(await authRoute.GET(get("/api/auth/get-session?x=%00", {})), "x", UNSAFE);
  });

  it("tRPC queries and mutations: BAD_REQUEST naming the field", async () => {
    const encoded = (input: unknown) => encodeURIComponent(JSON.stringify(superjson.serialize(input)));
    const query = (path: string, input: unknown) =>
      trpcRoute.GET(get(`/api/trpc/${path}?input=${encoded(input)}`, headersOf.operator));
    const errorOf = async (response: Response) => ({ status: response.status, ...(await response.json()).error.json });
    const badRequest = (message: string) => ({ status: 400, data: { code: "BAD_REQUEST" }, message });

    const nul = await errorOf(await query("fleet.cluster", { name: "\u0000" }));
    expect(nul).toMatchObject(badRequest(`name: ${UNSAFE.source}`));
    const farOff = await errorOf(await query("drills.list", { before: new Date(8.64e15) }));
    expect(farOff).toMatchObject(badRequest(`before: ${OUT_OF_RANGE.source}`));
    const silence = superjson.serialize({ cluster, minutes: 5, reason: "quiet \uDFFF" });
    const mutation = await trpcRoute.POST(postJson("/api/trpc/silences.create", headersOf.operator, silence));
    expect(await errorOf(mutation)).toMatchObject(badRequest(`reason: ${UNSAFE.source}`));
  });
});

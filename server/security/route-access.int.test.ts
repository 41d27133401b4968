// Every route handler, checked for every kind of caller. A new route fails here until it is
// classified below.
import { beforeAll, describe, expect, it } from "vitest";
import { ACTORS, asJson, makeActors, type Actors } from "../testing/actors.ts";
import { routeFiles } from "../testing/route-files.ts";
import * as clustersRoute from "../../app/api/v1/clusters/route.ts";
import * as clusterRoute from "../../app/api/v1/clusters/[name]/route.ts";
import * as plansRoute from "../../app/api/v1/clusters/[name]/plans/route.ts";
import * as actionsRoute from "../../app/api/v1/clusters/[name]/actions/route.ts";
import * as actionRoute from "../../app/api/v1/actions/[id]/route.ts";
import * as auditRoute from "../../app/api/v1/audit/route.ts";
import * as webhooksRoute from "../../app/api/v1/webhooks/route.ts";
import * as haltRoute from "../../app/api/v1/halt/route.ts";
import * as webhookRoute from "../../app/api/v1/webhooks/[id]/route.ts";
import * as hooksRoute from "../../app/api/v1/clusters/[name]/hooks/route.ts";
import * as routesRoute from "../../app/api/v1/clusters/[name]/routes/route.ts";
import * as openApiRoute from "../../app/api/v1/openapi.json/route.ts";

const ROUTES: Record<string, string> = {
  "api/agent/v1/report": "the reporting node's own agent token",
  "api/auth/[...all]": "public: the auth library's sign-in and sign-out",
  "api/health": "public",
  "api/health/live": "public",
  "api/trpc/[trpc]": "per procedure: procedure-access.int.test.ts",
  "api/v1/actions": "viewer, by session or API token: actions.int.test.ts",
  "api/v1/actions/[id]": "viewer, by session or API token",
  "api/v1/alerts": "viewer, by session or API token: alert-api.int.test.ts",
  "api/v1/alerts/[id]/ack": "operator, by session or API token: alert-api.int.test.ts",
  "api/v1/audit": "viewer, by session or API token",
  "api/v1/clusters": "viewer, by session or API token",
  "api/v1/halt": "viewer reads, operator sets; by session or API token",
  "api/v1/webhooks": "admin, by session or API token",
  "api/v1/webhooks/[id]": "admin, by session or API token",
  "api/v1/clusters/[name]": "viewer, by session or API token",
  "api/v1/clusters/[name]/actions": "operator, by session or API token",
  "api/v1/clusters/[name]/plans": "operator, by session or API token",
  "api/v1/clusters/[name]/drills": "viewer reads, operator starts; by session or API token",
  "api/v1/clusters/[name]/hooks": "admin, by session or API token: a hook's URL or argv may hold a token",
  "api/v1/clusters/[name]/routes": "admin, by session or API token, as the hooks",
  "api/v1/drills": "viewer, by session or API token",
  "api/v1/drills/[id]": "viewer, by session or API token",
  "api/v1/drills/[id]/abort": "operator, by session or API token",
  "api/v1/openapi.json": "viewer, by session or API token, as every read of the API",
  "api/v1/incidents/[id]": "viewer, by session or API token: incidents.int.test.ts",
  "api/v1/clusters/[name]/incidents": "viewer, by session or API token: incidents.int.test.ts",
  metrics: "viewer, by session or API token: metrics-route.int.test.ts",
};

let headersOf: Actors["headersOf"];
let agentNode: Actors["agentNode"];

beforeAll(async () => {
  ({ headersOf, agentNode } = await makeActors());
});

describe("route handlers by caller", () => {
  it("classifies every route handler", () => {
    expect(routeFiles().sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it("api/v1/clusters, api/v1/clusters/[name] and api/v1/openapi.json answer viewers by session or API token", async () => {
    const statuses: Record<string, number[]> = {};
    for (const actor of ACTORS) {
      const list = await clustersRoute.GET(
        new Request("http://localhost/api/v1/clusters", { headers: headersOf[actor] }),
      );
      const openApi = await openApiRoute.GET(
        new Request("http://localhost/api/v1/openapi.json", { headers: headersOf[actor] }),
      );
      const one = await clusterRoute.GET(
        new Request(`http://localhost/api/v1/clusters/${agentNode.cluster}`, { headers: headersOf[actor] }),
        {
          params: Promise.resolve({ name: agentNode.cluster }),
        },
      );
      statuses[actor] = [list.status, one.status, openApi.status];
    }
    expect(statuses).toEqual({
      anonymous: [401, 401, 401],
      agent: [401, 401, 401],
      apiToken: [200, 200, 200],
      viewer: [200, 200, 200],
      operator: [200, 200, 200],
      admin: [200, 200, 200],
    });
  });

  const actionApi =
    "the action API: operators plan and run (a bad body is a 400), viewers read actions and the audit log";
  it(actionApi, async () => {
    const statuses: Record<string, number[]> = {};
    const params = Promise.resolve({ name: agentNode.cluster });
    for (const actor of ACTORS) {
      const post = (body: unknown) => ({
        method: "POST",
        headers: asJson(headersOf[actor]),
        body: JSON.stringify(body),
      });
      const plan = await plansRoute.POST(new Request("http://localhost/x", post({ type: "fence", target: "n2" })), {
        params,
      });
      const run = await actionsRoute.POST(new Request("http://localhost/x", post({ type: "nope" })), { params });
      const action = await actionRoute.GET(new Request("http://localhost/x", { headers: headersOf[actor] }), {
        params: Promise.resolve({ id: "missing" }),
      });
      const audit = await auditRoute.GET(
        new Request("http://localhost/api/v1/audit?limit=1", { headers: headersOf[actor] }),
      );
      statuses[actor] = [plan.status, run.status, action.status, audit.status];
    }
    expect(statuses).toEqual({
      anonymous: [401, 401, 401, 401],
      agent: [401, 401, 401, 401],
      apiToken: [403, 403, 404, 200],
      viewer: [403, 403, 404, 200],
      operator: [200, 400, 404, 200],
      admin: [200, 400, 404, 200],
    });
  });

  it("the audit log's walk of the whole log (full=1) is for admins; a bad value is a 400", async () => {
    const statuses: Record<string, number[]> = {};
    for (const actor of ACTORS) {
      const url = (query: string) => `http://localhost/api/v1/audit?limit=1&${query}`;
      const get = (query: string) => auditRoute.GET(new Request(url(query), { headers: headersOf[actor] }));
      statuses[actor] = [(await get("full=1")).status, (await get("full=yes")).status];
    }
    expect(statuses).toEqual({
      anonymous: [401, 401],
      agent: [401, 401],
      apiToken: [403, 400],
      viewer: [403, 400],
      operator: [403, 400],
      admin: [200, 400],
    });
  });

  it("the halt API: everyone signed in reads it, operators set it (a bad body is a 400)", async () => {
    const statuses: Record<string, number[]> = {};
    for (const actor of ACTORS) {
      const read = await haltRoute.GET(new Request("http://localhost/api/v1/halt", { headers: headersOf[actor] }));
      const set = await haltRoute.POST(
        new Request("http://localhost/api/v1/halt", {
          method: "POST",
          headers: asJson(headersOf[actor]),
          body: JSON.stringify({ active: "yes" }),
        }),
      );
      statuses[actor] = [read.status, set.status];
    }
    expect(statuses).toEqual({
      anonymous: [401, 401],
      agent: [401, 401],
      apiToken: [200, 403],
      viewer: [200, 403],
      operator: [200, 400],
      admin: [200, 400],
    });
  });

  it("the webhook API is for admins only", async () => {
    const statuses: Record<string, number[]> = {};
    for (const actor of ACTORS) {
      const list = await webhooksRoute.GET(
        new Request("http://localhost/api/v1/webhooks", { headers: headersOf[actor] }),
      );
      const bad = await webhooksRoute.POST(
        new Request("http://localhost/api/v1/webhooks", {
          method: "POST",
          headers: asJson(headersOf[actor]),
          body: JSON.stringify({ url: "ftp://x", events: ["*"] }),
        }),
      );
      const gone = await webhookRoute.DELETE(
        new Request("http://localhost/x", { method: "DELETE", headers: headersOf[actor] }),
        { params: Promise.resolve({ id: "missing" }) },
      );
      statuses[actor] = [list.status, bad.status, gone.status];
    }
    expect(statuses).toEqual({
      anonymous: [401, 401, 401],
      agent: [401, 401, 401],
      apiToken: [403, 403, 403],
      viewer: [403, 403, 403],
      operator: [403, 403, 403],
      admin: [200, 400, 404],
    });
  });

  it("the hooks and routes API is for admins only, reads too", async () => {
    const statuses: Record<string, number[]> = {};
    const missing = { params: Promise.resolve({ name: "no-such-cluster" }) };
    for (const actor of ACTORS) {
      const hooks = await hooksRoute.GET(new Request("http://localhost/x", { headers: headersOf[actor] }), missing);
      const routes = await routesRoute.GET(new Request("http://localhost/x", { headers: headersOf[actor] }), missing);
      const bad = await hooksRoute.PUT(
        new Request("http://localhost/x", {
          method: "PUT",
          headers: asJson(headersOf[actor]),
          body: JSON.stringify({ hooks: [{ name: "x", phase: "after_promote", kind: "http", url: "ftp://x" }] }),
        }),
        missing,
      );
      statuses[actor] = [hooks.status, routes.status, bad.status];
    }
    expect(statuses).toEqual({
      anonymous: [401, 401, 401],
      agent: [401, 401, 401],
      apiToken: [403, 403, 403],
      viewer: [403, 403, 403],
      operator: [403, 403, 403],
      admin: [404, 404, 400],
    });
  });
});

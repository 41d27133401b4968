// Every tRPC procedure and every route handler, checked for every kind of caller. A new procedure
// or route fails here until it is classified below.
import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { agentTokenFor, hashAgentToken } from "../agents/tokens.ts";
import { createApiToken } from "../api-tokens/tokens.ts";
import { hasRole, type Role } from "../auth/roles.ts";
import { db } from "../db/client.ts";
import { uniqueName } from "../testing/databases.ts";
import { makeUser, sessionCookie } from "../testing/users.ts";
import { createContext } from "../trpc/init.ts";
import { appRouter, createCaller } from "../trpc/root.ts";
import * as healthRoute from "../../app/api/health/route.ts";
import * as reportRoute from "../../app/api/agent/v1/report/route.ts";
import * as trpcRoute from "../../app/api/trpc/[trpc]/route.ts";
import * as clustersRoute from "../../app/api/v1/clusters/route.ts";
import * as clusterRoute from "../../app/api/v1/clusters/[name]/route.ts";
import * as plansRoute from "../../app/api/v1/clusters/[name]/plans/route.ts";
import * as actionsRoute from "../../app/api/v1/clusters/[name]/actions/route.ts";
import * as actionRoute from "../../app/api/v1/actions/[id]/route.ts";
import * as auditRoute from "../../app/api/v1/audit/route.ts";
import * as webhooksRoute from "../../app/api/v1/webhooks/route.ts";
import * as haltRoute from "../../app/api/v1/halt/route.ts";
import * as webhookRoute from "../../app/api/v1/webhooks/[id]/route.ts";

type Access = "public" | Role;

const PROCEDURES: Record<string, Access> = {
  "actions.approve": "operator",
  "actions.get": "viewer",
  "actions.liftCooldown": "operator",
  "actions.plan": "operator",
  "actions.run": "operator",
  "audit.chain": "viewer",
  "audit.list": "viewer",
  "agents.list": "viewer",
  "agents.rotateToken": "admin",
  "apiTokens.create": "admin",
  "apiTokens.list": "admin",
  "apiTokens.revoke": "admin",
  "fleet.cluster": "viewer",
  "fleet.events": "viewer",
  "fleet.overview": "viewer",
  "fleet.series": "viewer",
  "fleet.setNodePaused": "operator",
  "fleet.updateSettings": "admin",
  "fleet.setPaused": "operator",
  "halt.set": "operator",
  "halt.state": "viewer",
  "me.get": "public",
  "setup.createFirstAdmin": "public",
  "setup.status": "public",
  "silences.active": "viewer",
  "silences.create": "operator",
  "silences.end": "operator",
  "users.create": "admin",
  "users.list": "admin",
  "users.remove": "admin",
  "users.resetPassword": "admin",
  "users.setRole": "admin",
  "webhooks.create": "admin",
  "webhooks.deliveries": "admin",
  "webhooks.list": "admin",
  "webhooks.redeliver": "admin",
  "webhooks.remove": "admin",
  "webhooks.rotateSecret": "admin",
  "webhooks.sendTest": "admin",
  "webhooks.setEnabled": "admin",
};

const ROUTES: Record<string, string> = {
  "api/agent/v1/report": "the reporting node's own agent token",
  "api/auth/[...all]": "public: the auth library's sign-in and sign-out",
  "api/health": "public",
  "api/trpc/[trpc]": "per procedure, above",
  "api/v1/actions/[id]": "viewer, by session or API token",
  "api/v1/audit": "viewer, by session or API token",
  "api/v1/clusters": "viewer, by session or API token",
  "api/v1/halt": "viewer reads, operator sets; by session or API token",
  "api/v1/webhooks": "admin, by session or API token",
  "api/v1/webhooks/[id]": "admin, by session or API token",
  "api/v1/clusters/[name]": "viewer, by session or API token",
  "api/v1/clusters/[name]/actions": "operator, by session or API token",
  "api/v1/clusters/[name]/plans": "operator, by session or API token",
};

type Actor = "anonymous" | "agent" | "apiToken" | Role;
const ACTORS: Actor[] = ["anonymous", "agent", "apiToken", "viewer", "operator", "admin"];

function routeFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return routeFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`);
    return entry.name === "route.ts" ? [prefix.replace(/\/$/, "")] : [];
  });
}

const headersOf: Partial<Record<Actor, Headers>> = {};
let agentNode = { cluster: "", node: "" };

beforeAll(async () => {
  const clusterName = uniqueName("authz");
  const token = agentTokenFor("authorization-matrix-secret", "n1", new Date());
  await db().cluster.create({
    data: {
      name: clusterName,
      mode: "ACTIVE_PASSIVE",
      system: "postgresql",
      nodes: {
        create: [
          { name: "n1", region: "r", zone: "z", agentUrl: "http://127.0.0.1:1", agentTokenHash: hashAgentToken(token), agentTokenCreatedAt: new Date() },
          { name: "n2", region: "r", zone: "z", agentUrl: "http://127.0.0.1:2" },
        ],
      },
    },
  });
  agentNode = { cluster: clusterName, node: "n1" };
  headersOf.anonymous = new Headers();
  headersOf.agent = new Headers({ authorization: `Bearer ${token}` });
  for (const role of ["viewer", "operator", "admin"] as const) {
    const user = await makeUser(role);
    headersOf[role] = new Headers({ cookie: await sessionCookie(user.email) });
  }
  // An API token of a viewer: the REST API only; tRPC is for the browser's session.
  const viewer = await makeUser("viewer");
  const apiToken = await createApiToken(db(), await makeUser("admin"), { name: "matrix", userEmail: viewer.email });
  headersOf.apiToken = new Headers({ authorization: `Bearer ${apiToken!.token}` });
});

const allowed = (access: Access, actor: Actor) =>
  access === "public" || (actor !== "anonymous" && actor !== "agent" && actor !== "apiToken" && hasRole(actor, access));

describe("authorization matrix", () => {
  it("classifies every tRPC procedure", () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual(Object.keys(PROCEDURES).sort());
  });

  it("classifies every route handler", () => {
    expect(routeFiles(path.resolve(import.meta.dirname, "../../app")).sort()).toEqual(Object.keys(ROUTES).sort());
  });

  for (const [procedure, access] of Object.entries(PROCEDURES)) {
    it(`${procedure}: ${access}`, async () => {
      for (const actor of ACTORS) {
        const caller = createCaller(await createContext(headersOf[actor]!));
        const call = procedure.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
          input?: unknown,
        ) => Promise<unknown>;
        // Mutations get an empty input: an allowed caller is refused for the input, never runs it.
        const code = await call({}).then(
          () => "OK",
          (error: { code?: string }) => error.code ?? "ERROR",
        );
        const denied = code === "UNAUTHORIZED" || code === "FORBIDDEN";
        expect({ actor, denied }).toEqual({ actor, denied: !allowed(access, actor) });
        if (denied) expect(code).toBe(actor === "anonymous" || actor === "agent" || actor === "apiToken" ? "UNAUTHORIZED" : "FORBIDDEN");
      }
    });
  }

  it("api/trpc enforces the same over HTTP", async () => {
    const statuses: Record<string, number> = {};
    for (const actor of ACTORS) {
      const response = await trpcRoute.GET(new Request("http://localhost/api/trpc/users.list", { headers: headersOf[actor] }));
      statuses[actor] = response.status;
    }
    expect(statuses).toEqual({ anonymous: 401, agent: 401, apiToken: 401, viewer: 403, operator: 403, admin: 200 });
  });

  it("api/v1/clusters and api/v1/clusters/[name] answer viewers by session or API token", async () => {
    const statuses: Record<string, number[]> = {};
    for (const actor of ACTORS) {
      const list = await clustersRoute.GET(new Request("http://localhost/api/v1/clusters", { headers: headersOf[actor] }));
      const one = await clusterRoute.GET(new Request(`http://localhost/api/v1/clusters/${agentNode.cluster}`, { headers: headersOf[actor] }), {
        params: Promise.resolve({ name: agentNode.cluster }),
      });
      statuses[actor] = [list.status, one.status];
    }
    expect(statuses).toEqual({ anonymous: [401, 401], agent: [401, 401], apiToken: [200, 200], viewer: [200, 200], operator: [200, 200], admin: [200, 200] });
  });

  it("the action API: operators plan and run (a bad body is a 400), viewers read actions and the audit log", async () => {
    const statuses: Record<string, number[]> = {};
    const params = Promise.resolve({ name: agentNode.cluster });
    for (const actor of ACTORS) {
      const post = (body: unknown) => ({ method: "POST", headers: headersOf[actor], body: JSON.stringify(body) });
      const plan = await plansRoute.POST(new Request("http://localhost/x", post({ type: "fence", target: "n2" })), { params });
      const run = await actionsRoute.POST(new Request("http://localhost/x", post({ type: "nope" })), { params });
      const action = await actionRoute.GET(new Request("http://localhost/x", { headers: headersOf[actor] }), { params: Promise.resolve({ id: "missing" }) });
      const audit = await auditRoute.GET(new Request("http://localhost/api/v1/audit?limit=1", { headers: headersOf[actor] }));
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

  it("the halt API: everyone signed in reads it, operators set it (a bad body is a 400)", async () => {
    const statuses: Record<string, number[]> = {};
    for (const actor of ACTORS) {
      const read = await haltRoute.GET(new Request("http://localhost/api/v1/halt", { headers: headersOf[actor] }));
      const set = await haltRoute.POST(new Request("http://localhost/api/v1/halt", { method: "POST", headers: headersOf[actor], body: JSON.stringify({ active: "yes" }) }));
      statuses[actor] = [read.status, set.status];
    }
    expect(statuses).toEqual({ anonymous: [401, 401], agent: [401, 401], apiToken: [200, 403], viewer: [200, 403], operator: [200, 400], admin: [200, 400] });
  });

  it("the webhook API is for admins only", async () => {
    const statuses: Record<string, number[]> = {};
    for (const actor of ACTORS) {
      const list = await webhooksRoute.GET(new Request("http://localhost/api/v1/webhooks", { headers: headersOf[actor] }));
      const bad = await webhooksRoute.POST(new Request("http://localhost/api/v1/webhooks", { method: "POST", headers: headersOf[actor], body: JSON.stringify({ url: "ftp://x", events: ["*"] }) }));
      const gone = await webhookRoute.DELETE(new Request("http://localhost/x", { method: "DELETE", headers: headersOf[actor] }), { params: Promise.resolve({ id: "missing" }) });
      statuses[actor] = [list.status, bad.status, gone.status];
    }
    expect(statuses).toEqual({
      anonymous: [401, 401, 401], agent: [401, 401, 401], apiToken: [403, 403, 403],
      viewer: [403, 403, 403], operator: [403, 403, 403], admin: [200, 400, 404],
    });
  });

  it("api/health answers everyone", async () => {
    expect((await healthRoute.GET()).status).toBe(200);
  });

  it("api/agent/v1/report takes only the node's own agent token", async () => {
    const document = {
      agent: { id: "a1", version: "1.0.0" },
      node: { name: agentNode.node },
      observedAt: new Date().toISOString(),
      role: "primary",
      healthy: true,
    };
    const statuses: Record<string, number> = {};
    for (const actor of ACTORS) {
      const headers = new Headers(headersOf[actor]);
      headers.set("content-type", "application/json");
      const response = await reportRoute.POST(
        new Request("http://localhost/api/agent/v1/report", { method: "POST", headers, body: JSON.stringify(document) }),
      );
      statuses[actor] = response.status;
    }
    expect(statuses).toEqual({ anonymous: 401, agent: 202, apiToken: 401, viewer: 401, operator: 401, admin: 401 });

    const foreign = await reportRoute.POST(
      new Request("http://localhost/api/agent/v1/report", {
        method: "POST",
        headers: headersOf.agent,
        body: JSON.stringify({ ...document, node: { name: "n2" } }),
      }),
    );
    expect(foreign.status).toBe(403);
  });
});

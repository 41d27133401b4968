// Every tRPC procedure, checked for every kind of caller. A new procedure fails here until it is
// classified below.
import type { AnyTRPCProcedure, AnyTRPCRouter } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { hasRole, type Role } from "../../lib/roles.ts";
import { ACTORS, makeActors, type Actor, type Actors } from "../testing/actors.ts";
import { createContext } from "../trpc/init.ts";
import { appRouter, createCaller } from "../trpc/root.ts";
import * as trpcRoute from "../../app/api/trpc/[trpc]/route.ts";

type Access = "public" | Role;

const PROCEDURES: Record<string, Access> = {
  "actions.approve": "operator",
  "actions.get": "viewer",
  "actions.liftCooldown": "operator",
  "actions.list": "viewer",
  "actions.plan": "operator",
  "actions.run": "operator",
  "alerts.ack": "operator",
  "alerts.list": "viewer",
  "audit.chain": "viewer",
  "audit.fullWalk": "admin",
  "audit.list": "viewer",
  "agents.list": "viewer",
  "agents.rotateToken": "admin",
  "apiTokens.create": "admin",
  "apiTokens.list": "admin",
  "apiTokens.revoke": "admin",
  "drills.abort": "operator",
  "drills.advance": "operator",
  "drills.get": "viewer",
  "drills.list": "viewer",
  "drills.plan": "operator",
  "drills.schedules": "viewer",
  "drills.setSchedule": "operator",
  "drills.start": "operator",
  "fleet.cluster": "viewer",
  "fleet.critical": "viewer",
  "fleet.events": "viewer",
  "fleet.markers": "viewer",
  "fleet.overview": "viewer",
  "fleet.series": "viewer",
  "fleet.setNodePaused": "operator",
  "fleet.updateSettings": "admin",
  "fleet.setPaused": "operator",
  "halt.set": "operator",
  "halt.state": "viewer",
  "hooks.hooks": "admin",
  "hooks.replaceHooks": "admin",
  "hooks.replaceRoutes": "admin",
  "hooks.routes": "admin",
  "incidents.get": "viewer",
  "incidents.list": "viewer",
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

/** The procedures that change nothing: queries (GET). A plan only judges (it is audited as asked for). */
const QUERIES = [
  "actions.get",
  "actions.list",
  "actions.plan",
  "agents.list",
  "alerts.list",
  "apiTokens.list",
  "audit.chain",
  "audit.list",
  "drills.get",
  "drills.list",
  "drills.plan",
  "drills.schedules",
  "fleet.cluster",
  "fleet.critical",
  "fleet.events",
  "fleet.markers",
  "fleet.overview",
  "fleet.series",
  "halt.state",
  "hooks.hooks",
  "hooks.routes",
  "incidents.get",
  "incidents.list",
  "me.get",
  "setup.status",
  "silences.active",
  "users.list",
  "webhooks.deliveries",
  "webhooks.list",
];

let headersOf: Actors["headersOf"];

beforeAll(async () => {
  ({ headersOf } = await makeActors());
});

const allowed = (access: Access, actor: Actor) =>
  access === "public" || (actor !== "anonymous" && actor !== "agent" && actor !== "apiToken" && hasRole(actor, access));

describe("tRPC procedures by role", () => {
  it("classifies every tRPC procedure", () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual(Object.keys(PROCEDURES).sort());
  });

  it("serves the procedures that change nothing as queries, the rest as mutations", () => {
    // At run time the record is flat, one procedure per path.
    const router: AnyTRPCRouter = appRouter;
    const procedures = Object.entries<AnyTRPCProcedure>(router._def.procedures);
    const queries = procedures.filter(([, p]) => p._def.type === "query").map(([path]) => path);
    expect(queries.sort()).toEqual(QUERIES);
  });

  for (const [procedure, access] of Object.entries(PROCEDURES)) {
    it(`${procedure}: ${access}`, async () => {
      for (const actor of ACTORS) {
        const caller = createCaller(await createContext(headersOf[actor]!));
        const call = procedure
          .split(".")
          .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
          input?: unknown,
        ) => Promise<unknown>;
        // Mutations get an empty input: an allowed caller is refused for the input, never runs it.
        const code = await call({}).then(
          () => "OK",
          (error: { code?: string }) => error.code ?? "ERROR",
        );
        const denied = code === "UNAUTHORIZED" || code === "FORBIDDEN";
        expect({ actor, denied }).toEqual({ actor, denied: !allowed(access, actor) });
        if (denied)
          expect(code).toBe(
            actor === "anonymous" || actor === "agent" || actor === "apiToken" ? "UNAUTHORIZED" : "FORBIDDEN",
          );
      }
    });
  }

  it("api/trpc enforces the same over HTTP", async () => {
    const statuses: Record<string, number> = {};
    for (const actor of ACTORS) {
      const response = await trpcRoute.GET(
        new Request("http://localhost/api/trpc/users.list", { headers: headersOf[actor] }),
      );
      statuses[actor] = response.status;
    }
    expect(statuses).toEqual({ anonymous: 401, agent: 401, apiToken: 401, viewer: 403, operator: 403, admin: 200 });
  });
});

// A subscription to a misspelt event type would match nothing and say nothing: the REST API (400 naming
// `events`) and tRPC (BAD_REQUEST on `events` or `settings.alertEvents`) refuse it with the type it was
// probably meant to be, and nothing is stored; '*' and catalog types are saved as before.
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import * as webhooksRoute from "../../app/api/v1/webhooks/route.ts";
import type { SessionUser } from "../auth/session.ts";
import { db } from "../db/client.ts";
import { uniqueName } from "../testing/databases.ts";
import { makeUser, sessionCookie } from "../testing/users.ts";
import { createCaller } from "../trpc/root.ts";

const DWON = `"node.dwon" is not an event type; did you mean "node.down"?`;

let admin: SessionUser;
let cookie = "";

beforeAll(async () => {
  admin = await makeUser("admin");
  cookie = await sessionCookie(admin.email);
});

function post(body: unknown) {
  const headers = { cookie, "content-type": "application/json", origin: "http://localhost" };
  const init = { method: "POST", headers, body: JSON.stringify(body) };
  return webhooksRoute.POST(new Request("http://localhost/api/v1/webhooks", init));
}

async function refusalOf(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const { code, cause } = error as TRPCError;
  expect(cause).toBeInstanceOf(ZodError);
  return { code, path: (cause as ZodError).issues[0]?.path, message: (cause as ZodError).issues[0]?.message };
}

describe("event subscriptions", () => {
  it("refuses a webhook subscribed to a misspelt type, over REST and tRPC, storing nothing", async () => {
    const url = `https://hooks.example.com/${uniqueName("typo")}`;
    const response = await post({ url, events: ["node.recovered", "node.dwon"] });
    expect({ status: response.status, body: await response.json() }).toMatchObject({
      status: 400,
      body: { field: "events", message: `events: ${DWON}` },
    });
    const caller = createCaller({ db: db(), user: admin });
    const created = caller.webhooks.create({ url, events: ["node.dwon"], format: "standard" });
    expect(await refusalOf(created)).toEqual({ code: "BAD_REQUEST", path: ["events"], message: DWON });
    expect(await db().webhookEndpoint.count({ where: { url } })).toBe(0);
  });

  it("saves '*' and catalog types", async () => {
    const url = `https://hooks.example.com/${uniqueName("known")}`;
    for (const events of [["*"], ["node.down", "split_brain", "audit.checkpoint"]]) {
      const response = await post({ url, events });
      expect({ events, status: response.status }).toEqual({ events, status: 201 });
    }
    const select = { events: true } as const;
    const saved = await db().webhookEndpoint.findMany({ where: { url }, select, orderBy: { createdAt: "asc" } });
    expect(saved.map((e) => e.events)).toEqual([["*"], ["node.down", "split_brain", "audit.checkpoint"]]);
    await db().webhookEndpoint.deleteMany({ where: { url } });
  });

  it("refuses a cluster's alert rule on a misspelt type and keeps the rule it had", async () => {
    const name = uniqueName("alert-rules");
    await db().cluster.create({
      data: { name, mode: "ACTIVE_PASSIVE", system: "postgresql", alertEvents: ["node.down"] },
    });
    const caller = createCaller({ db: db(), user: admin });
    const update = (alertEvents: string[]) =>
      caller.fleet.updateSettings({ cluster: name, settings: { alertEvents }, reason: "rules" });
    expect(await refusalOf(update(["lag_over"]))).toEqual({
      code: "BAD_REQUEST",
      path: ["settings", "alertEvents"],
      message: `"lag_over" is not an event type; did you mean "lag.over"?`,
    });
    expect((await db().cluster.findUniqueOrThrow({ where: { name } })).alertEvents).toEqual(["node.down"]);
    await update(["node.down", "lag.over"]);
    expect((await db().cluster.findUniqueOrThrow({ where: { name } })).alertEvents).toEqual(["node.down", "lag.over"]);
  });
});

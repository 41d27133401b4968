// GET /api/v1/actions: the history newest first, in the shape of GET /api/v1/actions/{id}, filtered
// by cluster, type and status, paged by the last id seen; a bad filter is a 400 naming it.
import { beforeAll, describe, expect, it } from "vitest";
import * as actionsRoute from "../../app/api/v1/actions/route.ts";
import * as actionRoute from "../../app/api/v1/actions/[id]/route.ts";
import { createApiToken } from "../api-tokens/tokens.ts";
import { db } from "../db/client.ts";
import type { ActionStatus, ActionType } from "../db/generated/enums.ts";
import { uniqueName } from "../testing/databases.ts";
import { makeUser } from "../testing/users.ts";

let headers: Record<string, string> = {};
let orders = "";
let checkout = "";
const ids: Record<string, string> = {};
const T0 = Date.parse("2026-03-01T10:00:00.000Z");

const list = async (query: string, sent = headers) => {
  const response = await actionsRoute.GET(new Request(`http://localhost/api/v1/actions?${query}`, { headers: sent }));
  return { status: response.status, body: await response.json() };
};
const idsOf = (body: { actions: { id: string }[] }) => body.actions.map((a) => a.id);

async function action(key: string, clusterId: string, type: ActionType, status: ActionStatus, minute: number) {
  const at = new Date(T0 + minute * 60_000);
  const created = await db().action.create({
    data: { clusterId, type, status, reason: `history ${key}`, createdAt: at, startedAt: at, finishedAt: at },
  });
  ids[key] = created.id;
}

beforeAll(async () => {
  const cluster = (name: string) =>
    db().cluster.create({ data: { name, mode: "ACTIVE_PASSIVE", system: "postgresql" }, select: { id: true } });
  orders = uniqueName("history-orders");
  checkout = uniqueName("history-checkout");
  const [o, c] = [await cluster(orders), await cluster(checkout)];
  await action("o1", o.id, "SWITCHOVER", "SUCCEEDED", 1);
  await action("o2", o.id, "FAILOVER", "FAILED", 2);
  await action("c1", c.id, "DRAIN", "SUCCEEDED", 3);
  // Two in the same millisecond: paging by id neither skips nor repeats one of them.
  await action("o3", o.id, "FENCE", "SUCCEEDED", 4);
  await action("o4", o.id, "UNFENCE", "ABORTED", 4);
  const viewer = await makeUser("viewer");
  const token = await createApiToken(db(), await makeUser("admin"), { name: "history", userEmail: viewer.email });
  headers = { authorization: `Bearer ${token!.token}` };
});

describe("GET /api/v1/actions", () => {
  it("lists a cluster's actions newest first, each as GET /api/v1/actions/{id} gives it", async () => {
    const { status, body } = await list(`cluster=${orders}`);
    expect(status).toBe(200);
    const sameMinute = [ids.o3!, ids.o4!].sort().reverse();
    expect(idsOf(body)).toEqual([...sameMinute, ids.o2, ids.o1]);
    const one = await actionRoute.GET(new Request("http://localhost/x", { headers }), {
      params: Promise.resolve({ id: ids.o2! }),
    });
    expect(body.actions[2]).toEqual(await one.json());
    expect(body.actions[2]).toMatchObject({ type: "failover", cluster: orders, status: "FAILED", steps: [] });
    expect(body.next).toBeNull();
  });

  it("filters by cluster, type and status together", async () => {
    expect(idsOf((await list(`cluster=${orders}&status=SUCCEEDED`)).body).sort()).toEqual([ids.o1, ids.o3].sort());
    expect(idsOf((await list(`cluster=${orders}&type=failover`)).body)).toEqual([ids.o2]);
    expect(idsOf((await list(`cluster=${checkout}&type=drain&status=SUCCEEDED`)).body)).toEqual([ids.c1]);
    expect(idsOf((await list(`cluster=${checkout}&type=failover`)).body)).toEqual([]);
    expect(idsOf((await list("cluster=no-such-cluster")).body)).toEqual([]);
    expect(idsOf((await list(`cluster=${orders}&type=&status=`)).body)).toHaveLength(4);
  });

  it("pages with before = the last id of the page before, through actions of the same time", async () => {
    const seen: string[] = [];
    let query = `cluster=${orders}&limit=1`;
    for (let page = 0; page < 5; page++) {
      const { status, body } = await list(query);
      expect(status).toBe(200);
      seen.push(...idsOf(body));
      if (!body.next) break;
      expect(body.next).toBe(body.actions.at(-1).id);
      query = `cluster=${orders}&limit=1&before=${body.next}`;
    }
    expect(seen).toEqual(idsOf((await list(`cluster=${orders}`)).body));
    expect(seen).toHaveLength(4);
  });

  it("answers a bad filter with a 400 naming the field", async () => {
    const cases: [string, string][] = [
      ["type=nope", "type"],
      ["status=done", "status"],
      ["limit=0", "limit"],
      ["limit=201", "limit"],
      ["limit=ten", "limit"],
      ["before=no-such-action", "before"],
      [`cluster=${"x".repeat(201)}`, "cluster"],
    ];
    for (const [query, field] of cases) {
      const { status, body } = await list(query);
      expect({ query, status, field: body.field }).toEqual({ query, status: 400, field });
      expect(body.message).toMatch(new RegExp(`^${field}`));
    }
  });

  it("is read by any signed-in role; strangers get 401", async () => {
    expect((await list(`cluster=${orders}`, {})).status).toBe(401);
    const all = await list("limit=200");
    expect(all.status).toBe(200);
    const times = all.body.actions.map((a: { createdAt: string }) => Date.parse(a.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});

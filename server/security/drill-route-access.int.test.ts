// The drill API by caller: viewers read drills, operators start and abort them.
import { beforeAll, describe, expect, it } from "vitest";
import { ACTORS, asJson, makeActors, type Actors } from "../testing/actors.ts";
import * as clusterDrillsRoute from "../../app/api/v1/clusters/[name]/drills/route.ts";
import * as drillsRoute from "../../app/api/v1/drills/route.ts";
import * as drillRoute from "../../app/api/v1/drills/[id]/route.ts";
import * as drillAbortRoute from "../../app/api/v1/drills/[id]/abort/route.ts";

let headersOf: Actors["headersOf"];
let agentNode: Actors["agentNode"];

beforeAll(async () => {
  ({ headersOf, agentNode } = await makeActors());
});

describe("route handlers by caller", () => {
  it("the drill API: viewers read drills, operators start and abort them (a bad body is a 400)", async () => {
    const statuses: Record<string, number[]> = {};
    const cluster = { params: Promise.resolve({ name: agentNode.cluster }) };
    const missing = { params: Promise.resolve({ id: "missing" }) };
    for (const actor of ACTORS) {
      const post = (body: unknown) => ({
        method: "POST",
        headers: asJson(headersOf[actor]),
        body: JSON.stringify(body),
      });
      const start = await clusterDrillsRoute.POST(
        new Request("http://localhost/x", post({ scenario: "meteor", reason: "game day", confirm: agentNode.cluster })),
        cluster,
      );
      const history = await clusterDrillsRoute.GET(
        new Request("http://localhost/x", { headers: headersOf[actor] }),
        cluster,
      );
      const all = await drillsRoute.GET(
        new Request("http://localhost/api/v1/drills?limit=5", { headers: headersOf[actor] }),
      );
      const one = await drillRoute.GET(new Request("http://localhost/x", { headers: headersOf[actor] }), missing);
      const abort = await drillAbortRoute.POST(new Request("http://localhost/x", post({ reason: "stop it" })), missing);
      statuses[actor] = [start.status, history.status, all.status, one.status, abort.status];
    }
    expect(statuses).toEqual({
      anonymous: [401, 401, 401, 401, 401],
      agent: [401, 401, 401, 401, 401],
      apiToken: [403, 200, 200, 404, 403],
      viewer: [403, 200, 200, 404, 403],
      operator: [400, 200, 200, 404, 404],
      admin: [400, 200, 200, 404, 404],
    });
  });
});

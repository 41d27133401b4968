// The routes agents and probes call, by caller: the health check is public, a report is taken only
// with the reporting node's own agent token.
import { beforeAll, describe, expect, it } from "vitest";
import { ACTORS, makeActors, type Actors } from "../testing/actors.ts";
import * as healthRoute from "../../app/api/health/route.ts";
import * as reportRoute from "../../app/api/agent/v1/report/route.ts";

let headersOf: Actors["headersOf"];
let agentNode: Actors["agentNode"];

beforeAll(async () => {
  ({ headersOf, agentNode } = await makeActors());
});

describe("route handlers by caller", () => {
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
        new Request("http://localhost/api/agent/v1/report", {
          method: "POST",
          headers,
          body: JSON.stringify(document),
        }),
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

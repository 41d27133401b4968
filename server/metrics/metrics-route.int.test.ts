// GET /metrics as Prometheus scrapes it: an API token as bearer or a session, 401 for anyone else
// (an agent's token included), the text format's content type, and what promtool accepts, over
// the whole shared store the other tests fill.
import { beforeAll, describe, expect, it } from "vitest";
import * as metricsRoute from "../../app/metrics/route.ts";
import { EXPOSITION_CONTENT_TYPE } from "../../lib/metrics-exposition.ts";
import { ACTORS, makeActors, type Actors } from "../testing/actors.ts";
import { promtool, seriesValue } from "../testing/promtool.ts";

let actors: Actors;

beforeAll(async () => {
  actors = await makeActors();
});

const scrape = (headers: Headers) => metricsRoute.GET(new Request("http://localhost/metrics", { headers }));

describe("GET /metrics on the console", () => {
  it("answers an API token and every signed-in role; 401 with a Bearer challenge otherwise", async () => {
    const statuses: Record<string, number> = {};
    for (const actor of ACTORS) statuses[actor] = (await scrape(actors.headersOf[actor])).status;
    expect(statuses).toEqual({ anonymous: 401, agent: 401, apiToken: 200, viewer: 200, operator: 200, admin: 200 });
    const refused = await scrape(actors.headersOf.anonymous);
    expect(refused.headers.get("www-authenticate")).toBe("Bearer");
  });

  it("serves the text format that promtool accepts, with the caller's fleet in it", async () => {
    const response = await scrape(actors.headersOf.apiToken);
    expect(response.headers.get("content-type")).toBe(EXPOSITION_CONTENT_TYPE);
    const text = await response.text();
    const { cluster, node } = actors.agentNode;
    expect(seriesValue(text, `haops_node_up{cluster="${cluster}",node="${node}",role="unknown"}`)).toBe(0);
    expect(seriesValue(text, `haops_node_state{cluster="${cluster}",node="${node}",state="UNKNOWN"}`)).toBe(1);
    expect(promtool(["check", "metrics"], text)).toEqual({ code: 0, output: "" });
  });
});

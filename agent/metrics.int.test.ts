// An agent's GET /metrics over real HTTP on 127.0.0.1: its token only, its node's checks as the
// status document has them, a failed check as 0, a lost node silent, and promtool's approval.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPOSITION_CONTENT_TYPE } from "../lib/metrics-exposition.ts";
import { freePort } from "../server/db/free-port.ts";
import { promtool, seriesValue } from "../server/testing/promtool.ts";
import { parseConfig } from "./config.ts";
import { statusSchema } from "./protocol.ts";
import { startAgents, type RunningAgents } from "./start.ts";

const TOKEN = "hat_metrics-test-token-0123456789";
let agents: RunningAgents;

beforeAll(async () => {
  const port = await freePort();
  const node = { name: "pg-1", listen: `127.0.0.1:${port}`, token: TOKEN, region: "eu-west", driver: "simulated" };
  agents = await startAgents(
    parseConfig(JSON.stringify({ nodes: [{ ...node, simulated: { cluster: "pg", role: "primary" } }] })),
    () => undefined,
  );
});

afterAll(() => agents?.stop());

const get = (path: string, token = TOKEN) =>
  fetch(`${agents.urls["pg-1"]}${path}`, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(2_000),
  });
const act = (type: string, params: Record<string, unknown> = {}) =>
  fetch(`${agents.urls["pg-1"]}/v1/actions`, {
    method: "POST",
    headers: { authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ id: `${type}-${Date.now()}-${Math.random()}`, type, params }),
  });

describe("an agent's GET /metrics", () => {
  it("needs the node's token", async () => {
    expect((await get("/metrics", "wrong")).status).toBe(401);
  });

  it("gives every check of the node as 1 or 0, with its latency in seconds, in a format promtool accepts", async () => {
    const response = await get("/metrics");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(EXPOSITION_CONTENT_TYPE);
    const text = await response.text();
    const status = statusSchema.parse(await (await get("/v1/status")).json());
    for (const check of status.checks ?? []) {
      const series = `{node="pg-1",layer="${check.layer}",name="${check.name}"}`;
      expect(seriesValue(text, `haops_agent_check_ok${series}`)).toBe(check.ok ? 1 : 0);
      const latency = seriesValue(text, `haops_agent_check_latency_seconds${series}`);
      if (check.latencyMs === undefined) expect(latency).toBeUndefined();
      else expect(latency).toBeGreaterThan(0);
    }
    expect(status.checks?.length).toBeGreaterThan(0);
    expect(seriesValue(text, 'haops_agent_node_healthy{node="pg-1",role="primary"}')).toBe(1);
    expect(promtool(["check", "metrics"], text)).toEqual({ code: 0, output: "" });
  });

  it("says a failed check with 0, and answers nothing while the node is lost", async () => {
    await act("inject-fault", { kind: "kill" });
    const killed = await (await get("/metrics")).text();
    const status = statusSchema.parse(await (await get("/v1/status")).json());
    const process = status.checks?.find((c) => c.layer === "process");
    expect(process?.ok).toBe(false);
    expect(seriesValue(killed, `haops_agent_check_ok{node="pg-1",layer="process",name="${process?.name}"}`)).toBe(0);
    expect(seriesValue(killed, 'haops_agent_node_healthy{node="pg-1",role="unknown"}')).toBe(0);
    await act("clear-fault");
    await act("inject-fault", { kind: "crash" });
    await expect(get("/metrics")).rejects.toThrow();
    await act("clear-fault");
    expect((await get("/metrics")).status).toBe(200);
  });
});

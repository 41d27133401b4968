// The agent program over real HTTP on 127.0.0.1: protocol v1, bearer auth, idempotent actions,
// and the simulated driver's faults as the console would see them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../server/db/free-port.ts";
import { parseConfig } from "./config.ts";
import { statusSchema } from "./protocol.ts";
import { startAgents, type RunningAgents } from "./start.ts";

const TOKEN = "hat_agent-test-token-0123456789";
let agents: RunningAgents;
/** The simulated nodes' clock: a test moves it where it once slept. */
let clock = Date.parse("2026-11-21T10:00:00.000Z");

beforeAll(async () => {
  const ports = await Promise.all([1, 2, 3].map(() => freePort()));
  const node = (name: string, port: number | undefined, simulated: Record<string, unknown>) => ({
    name,
    listen: `127.0.0.1:${port}`,
    token: TOKEN,
    region: "eu-west",
    driver: "simulated",
    simulated,
  });
  agents = await startAgents(
    parseConfig(
      JSON.stringify({
        nodes: [
          node("pg-1", ports[0], { cluster: "pg", role: "primary" }),
          node("pg-2", ports[1], { cluster: "pg", role: "standby", upstream: "pg-1", replicationMode: "sync" }),
          node("web-1", ports[2], { cluster: "web", role: "active", system: "http", clusterRequestsPerSec: 1000 }),
        ],
      }),
    ),
    () => undefined,
    () => clock,
  );
});

afterAll(() => agents?.stop());

const status = (node: string, token = TOKEN) =>
  fetch(`${agents.urls[node]}/v1/status`, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(2_000),
  });

const act = async (node: string, body: unknown) => {
  const response = await fetch(`${agents.urls[node]}/v1/actions`, {
    method: "POST",
    headers: { authorization: `Bearer ${TOKEN}` },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

let seq = 0;
const action = (type: string, params: Record<string, unknown> = {}) => ({ id: `t-${seq++}`, type, params });

describe("agent protocol v1", () => {
  it("answers GET /v1/status with a valid document, and 401 without the token", async () => {
    const response = await status("pg-2");
    expect(response.status).toBe(200);
    const document = statusSchema.parse(await response.json());
    expect(document).toMatchObject({
      node: { name: "pg-2", region: "eu-west" },
      role: "standby",
      healthy: true,
      replication: { upstream: "pg-1", mode: "sync" },
    });
    expect(document.checks?.map((c) => c.layer)).toEqual(["network", "process", "application", "business"]);
    expect(document.peers).toEqual([expect.objectContaining({ node: "pg-1", reachable: true })]);
    expect((await status("pg-2", "wrong")).status).toBe(401);
  });

  it("runs the same action id once and returns the first answer", async () => {
    const first = await act("pg-1", { id: "same", type: "fence" });
    await act("pg-1", { id: "other", type: "unfence" });
    const again = await act("pg-1", { id: "same", type: "fence" });
    expect(again.body).toEqual(first.body);
    const document = statusSchema.parse(await (await status("pg-1")).json());
    expect(document.checks?.find((c) => c.name === "writable")?.ok).toBe(true);
  });

  it("refuses an action from a leader older than one it heard, and answers the newer one's repeat", async () => {
    const weight = (value: number, epoch?: number) => ({ ...action("set-weight", { weight: value }), epoch });
    expect((await act("web-1", weight(90, 7))).body).toMatchObject({ status: "done" });
    const repeated = { id: "from-a-paused-leader", type: "set-weight", params: { weight: 10 } };
    expect(await act("web-1", { ...repeated, epoch: 6 })).toEqual({
      status: 200,
      body: { id: "from-a-paused-leader", status: "failed", detail: "stale leader: epoch 6 is older than 7" },
    });
    // Refusals are not cached: the current leader sending the same id is answered by doing it.
    expect((await act("web-1", { ...repeated, epoch: 7 })).body).toMatchObject({ status: "done" });
    expect((await act("web-1", weight(100, 8))).body).toMatchObject({ status: "done" });
    const stale = await act("web-1", weight(20, 7));
    expect(stale.body).toMatchObject({ status: "failed", detail: "stale leader: epoch 7 is older than 8" });
    // An operator's curl carries no epoch and is not judged by it.
    expect((await act("web-1", weight(100))).body).toMatchObject({ status: "done" });
    const negative = await act("web-1", { ...action("undrain"), epoch: -1 });
    expect(negative).toMatchObject({ status: 400, body: { field: "epoch" } });
  });

  it("refuses a bad action with 400 naming the field", async () => {
    expect(await act("pg-1", { id: "x", type: "explode" })).toMatchObject({ status: 400, body: { field: "type" } });
    expect(await act("pg-1", "{nope")).toMatchObject({ status: 400, body: { field: "(body)" } });
    expect((await act("pg-1", action("inject-fault", { kind: "meteor" }))).body).toMatchObject({ status: "failed" });
    expect((await act("pg-1", action("drain"))).body).toMatchObject({ status: "unsupported" });
  });

  it("answers a bad parameter failed, naming it, and changes nothing", async () => {
    const weight = async () => statusSchema.parse(await (await status("web-1")).json()).traffic?.weight;
    const before = await weight();
    expect(await act("web-1", action("set-weight", { weight: "heavy" }))).toEqual({
      status: 200,
      body: { id: expect.any(String), status: "failed", detail: "params.weight must be an integer from 0 to 256" },
    });
    expect(await weight()).toBe(before);
    // A fault of the protocol this driver cannot cause (it has no processes to stop).
    expect((await act("pg-1", action("inject-fault", { kind: "stall" }))).body).toMatchObject({
      status: "unsupported",
    });
  });
});

describe("simulated driver", () => {
  it("stops answering status when crashed, still takes actions, and is restored by clear-fault", async () => {
    await act("pg-1", action("inject-fault", { kind: "crash" }));
    await expect(status("pg-1")).rejects.toThrow();
    const peerView = statusSchema.parse(await (await status("pg-2")).json()).peers;
    expect(peerView).toEqual([{ node: "pg-1", reachable: false }]);
    expect((await act("pg-1", action("clear-fault"))).body).toMatchObject({ status: "done", detail: "cleared crash" });
    expect((await status("pg-1")).status).toBe(200);
  });

  it("partitions from its peers while the console still reaches it", async () => {
    await act("pg-1", action("inject-fault", { kind: "partition", side: "peers" }));
    expect((await status("pg-1")).status).toBe(200);
    expect(statusSchema.parse(await (await status("pg-2")).json()).peers?.[0]?.reachable).toBe(false);
    await act("pg-1", action("clear-fault", { kind: "partition" }));
  });

  it("changes role on promote and demote", async () => {
    await act("pg-2", action("promote"));
    expect(statusSchema.parse(await (await status("pg-2")).json())).toMatchObject({
      role: "primary",
      replication: { timeline: 2 },
    });
    await act("pg-2", action("demote", { upstream: "pg-1" }));
    expect(statusSchema.parse(await (await status("pg-2")).json())).toMatchObject({
      role: "standby",
      replication: { upstream: "pg-1" },
    });
  });

  it("grows replication lag under a lag fault", async () => {
    await act("pg-2", action("inject-fault", { kind: "lag", bytesPerSec: 1e9 }));
    clock += 50;
    const lag = statusSchema.parse(await (await status("pg-2")).json()).replication?.lagBytes ?? 0;
    expect(lag).toBeGreaterThan(10_000_000);
    await act("pg-2", action("clear-fault"));
  });

  it("serves traffic by weight, drains to zero, and reports a higher error rate under the errors fault", async () => {
    const traffic = async () => statusSchema.parse(await (await status("web-1")).json()).traffic!;
    expect((await traffic()).requestsPerSec).toBeGreaterThan(800);
    await act("web-1", action("drain"));
    expect(await traffic()).toMatchObject({ state: "drain", requestsPerSec: 0 });
    await act("web-1", action("undrain"));
    expect((await act("web-1", action("set-weight", { weight: 200 }))).body).toMatchObject({ status: "done" });
    expect((await act("web-1", action("set-weight", { weight: -1 }))).body).toMatchObject({ status: "failed" });
    await act("web-1", action("inject-fault", { kind: "errors", rate: 0.3 }));
    expect((await traffic()).errorRate).toBeGreaterThan(0.2);
    await act("web-1", action("clear-fault"));
  });
});

describe("agent configuration", () => {
  it("names the wrong field", () => {
    expect(() =>
      parseConfig(
        "nodes:\n  - name: a\n    listen: nope\n    token: 0123456789abcdef\n" +
          "    driver: simulated\n    simulated: {cluster: c, role: primary}\n",
      ),
    ).toThrow(/nodes\.0\.listen: listen must be host:port/);
    expect(() => parseConfig("nodes: []")).toThrow(/nodes/);
  });
});

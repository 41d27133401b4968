import { beforeAll, describe, expect, it } from "vitest";
import { FLOAT4_MIN_NORMAL, INT4_MAX, MAX_LAG_BYTES, MAX_LAG_SECONDS } from "../../agent/protocol-limits.ts";
import { db } from "../db/client.ts";
import { uniqueName } from "../testing/databases.ts";
import { makeUser } from "../testing/users.ts";
import { receiveReport } from "./report.ts";
import { rotateAgentToken } from "./tokens.ts";

let cluster = "";
let token = "";

const post = (body: string, bearer = token) =>
  receiveReport(
    db(),
    new Request("http://localhost/api/agent/v1/report", {
      method: "POST",
      headers: { authorization: `Bearer ${bearer}` },
      body,
    }),
  );

const doc = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    agent: { id: "a", version: "1" },
    node: { name: "n1" },
    observedAt: new Date().toISOString(),
    role: "standby",
    healthy: true,
    ...extra,
  });

beforeAll(async () => {
  cluster = uniqueName("report");
  await db().cluster.create({
    data: {
      name: cluster,
      mode: "ACTIVE_PASSIVE",
      system: "postgresql",
      nodes: { create: [{ name: "n1", region: "r", zone: "z", agentUrl: "http://127.0.0.1:1" }] },
    },
  });
  token = (await rotateAgentToken(db(), await makeUser("admin"), cluster, "n1"))!.token;
});

const lastStatus = async () =>
  (
    await db().node.findFirstOrThrow({
      where: { name: "n1", cluster: { name: cluster } },
      select: { lastStatus: true },
    })
  ).lastStatus;

describe("agent report endpoint", () => {
  it("stores a valid document for the token's node", async () => {
    const response = await post(doc({ replication: { lagBytes: 42 } }));
    expect(response.status).toBe(202);
    expect(await lastStatus()).toMatchObject({ role: "standby", replication: { lagBytes: 42 } });
  });

  it("refuses a bad document with the wrong field and stores nothing of it", async () => {
    const before = await lastStatus();
    const response = await post(doc({ replication: { lagBytes: -1 } }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ field: "replication.lagBytes" });
    expect(await lastStatus()).toEqual(before);
    const notJson = await post("{oops");
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ field: "(body)" });
    const missingRole = await post(
      JSON.stringify({
        agent: { id: "a", version: "1" },
        node: { name: "n1" },
        observedAt: new Date().toISOString(),
        healthy: true,
      }),
    );
    expect(await missingRole.json()).toMatchObject({ field: "role" });
  });

  it("refuses numbers and text the store cannot keep with 400 naming the field, storing nothing of them", async () => {
    const samples = () => db().sample.count({ where: { node: { name: "n1", cluster: { name: cluster } } } });
    const [before, samplesBefore] = [await lastStatus(), await samples()];
    const cases: [string, Record<string, unknown>][] = [
      ["replication.lagBytes", { replication: { lagBytes: 1e19 } }],
      ["traffic.activeConnections", { traffic: { activeConnections: 3e9 } }],
      ["checks.0.detail", { checks: [{ layer: "application", name: "sql", ok: false, detail: "refused \u0000" }] }],
      ["node.region", { node: { name: "n1", region: "eu-\udc00" } }],
      ["traffic.errorRate", { traffic: { errorRate: 1e-50 } }],
    ];
    for (const [field, change] of cases) {
      const response = await post(doc(change));
      expect(response.status, field).toBe(400);
      expect(await response.json()).toMatchObject({ field, message: expect.stringContaining(field) });
    }
    expect(await lastStatus()).toEqual(before);
    expect(await samples()).toBe(samplesBefore);
  });

  it("stores the largest figures the protocol allows", async () => {
    const largest = {
      replication: { lagBytes: MAX_LAG_BYTES, lagSeconds: MAX_LAG_SECONDS },
      traffic: { activeConnections: INT4_MAX, requestsPerSec: 1e9, errorRate: FLOAT4_MIN_NORMAL },
      checks: [{ layer: "application", name: "sql", ok: false, detail: "lag \u{1F680}" }],
    };
    expect((await post(doc(largest))).status).toBe(202);
    expect(await lastStatus()).toMatchObject({ replication: largest.replication, checks: largest.checks });
    const sample = await db().sample.findFirstOrThrow({
      where: { node: { name: "n1", cluster: { name: cluster } } },
      orderBy: { at: "desc" },
      select: { lagBytes: true, lagSeconds: true, activeConnections: true, errorRate: true },
    });
    const kept = { lagBytes: BigInt(MAX_LAG_BYTES), lagSeconds: MAX_LAG_SECONDS, activeConnections: INT4_MAX };
    expect(sample).toMatchObject(kept);
    expect(sample.errorRate).toBeGreaterThan(0);
  });

  it("stops accepting the old token once it is rotated", async () => {
    const old = token;
    token = (await rotateAgentToken(db(), await makeUser("admin"), cluster, "n1"))!.token;
    expect((await post(doc(), old)).status).toBe(401);
    expect((await post(doc())).status).toBe(202);
  });

  it("stores only a hash of the token", async () => {
    const node = await db().node.findFirstOrThrow({
      where: { name: "n1", cluster: { name: cluster } },
      select: { agentTokenHash: true },
    });
    expect(node.agentTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(node.agentTokenHash).not.toContain(token);
  });
});

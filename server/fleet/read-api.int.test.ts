// GET /api/v1/clusters and /api/v1/clusters/{name}: the documented shape, for a session or an
// API token; revoked tokens and strangers get 401.
import { beforeAll, describe, expect, it } from "vitest";
import * as clustersRoute from "../../app/api/v1/clusters/route.ts";
import * as clusterRoute from "../../app/api/v1/clusters/[name]/route.ts";
import { createApiToken, revokeApiToken } from "../api-tokens/tokens.ts";
import { db } from "../db/client.ts";
import { uniqueName } from "../testing/databases.ts";
import { makeUser } from "../testing/users.ts";

let cluster = "";
let token = "";
let tokenId = "";

const bearer = (value: string) => ({ authorization: `Bearer ${value}` });
const getOne = (name: string, headers: Record<string, string>) =>
  clusterRoute.GET(new Request(`http://localhost/api/v1/clusters/${name}`, { headers }), {
    params: Promise.resolve({ name }),
  });

beforeAll(async () => {
  cluster = uniqueName("readapi");
  const created = await db().cluster.create({
    data: {
      name: cluster,
      mode: "ACTIVE_PASSIVE",
      system: "postgresql",
      intervalMs: 500,
      timeoutMs: 400,
      failureThreshold: 4,
      rpoBudgetBytes: 1024n,
      rpoBudgetSeconds: 2,
      policy: "AUTOMATIC",
      nodes: {
        create: [
          {
            name: "n1",
            region: "eu-west",
            zone: "eu-west-1a",
            agentUrl: "http://127.0.0.1:7001",
            role: "PRIMARY",
            state: "HEALTHY",
            lastSeenAt: new Date(),
          },
          {
            name: "n2",
            region: "us-east",
            zone: "us-east-1a",
            agentUrl: null,
            role: "STANDBY",
            state: "DOWN",
            confirmedDown: true,
          },
        ],
      },
    },
    select: { nodes: { select: { id: true, name: true } } },
  });
  const n1 = created.nodes.find((n) => n.name === "n1")!;
  await db().sample.createMany({
    data: [
      {
        nodeId: n1.id,
        at: new Date(Date.now() - 2000),
        reachable: true,
        healthy: true,
        role: "PRIMARY",
        state: "HEALTHY",
        pollLatencyMs: 1.5,
      },
      {
        nodeId: n1.id,
        at: new Date(Date.now() - 1000),
        reachable: true,
        healthy: true,
        role: "PRIMARY",
        state: "HEALTHY",
        pollLatencyMs: 2.5,
        lagBytes: 0n,
      },
    ],
  });
  const created2 = await createApiToken(db(), await makeUser("admin"), { name: "reader" });
  token = created2!.token;
  tokenId = created2!.id;
});

describe("read API", () => {
  it("gives a cluster in the documented shape", async () => {
    const response = await getOne(cluster, bearer(token));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      name: cluster,
      mode: "active-passive",
      intervalMs: 500,
      timeoutMs: 400,
      failureThreshold: 4,
      detectionBoundMs: 2400,
      rpoBudgetBytes: 1024,
      rpoBudgetSeconds: 2,
      policy: "automatic",
    });
    expect(body.nodes).toEqual([
      expect.objectContaining({
        name: "n1",
        role: "primary",
        state: "HEALTHY",
        confirmedDown: false,
        isolated: false,
        region: "eu-west",
        zone: "eu-west-1a",
        weight: 100,
        agentUrl: "http://127.0.0.1:7001",
        lastSeenAt: expect.any(String),
        lastSample: expect.objectContaining({ reachable: true, pollLatencyMs: 2.5, lagBytes: 0 }),
      }),
      expect.objectContaining({
        name: "n2",
        role: "standby",
        state: "DOWN",
        confirmedDown: true,
        agentUrl: null,
        lastSample: null,
      }),
    ]);
  });

  it("lists every cluster", async () => {
    const response = await clustersRoute.GET(
      new Request("http://localhost/api/v1/clusters", { headers: bearer(token) }),
    );
    const body = (await response.json()) as { clusters: { name: string }[] };
    expect(body.clusters.map((c) => c.name)).toContain(cluster);
  });

  it("answers 404 for an unknown cluster and 401 for a revoked or made-up token", async () => {
    expect((await getOne("no-such-cluster", bearer(token))).status).toBe(404);
    expect((await getOne(cluster, bearer("hao_made-up"))).status).toBe(401);
    await revokeApiToken(db(), await makeUser("admin"), tokenId);
    expect((await getOne(cluster, bearer(token))).status).toBe(401);
  });
});

// The leader's write path when the database refuses some rows of a batch: the rest is stored, the
// refused rows are set aside, counted per node and told once per node with the database's reason.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventRow } from "../detection/events.ts";
import type { SampleRow } from "../detection/sample.ts";
import { isConnectionError } from "../db/connection-error.ts";
import { sharedDatabaseUrl, sharedDb, uniqueName } from "../testing/databases.ts";
import { flushBatch, type Query, type Transaction } from "./flush.ts";
import { RejectedRows } from "./rejected-rows.ts";
import { storeBatch } from "./store-batch.ts";
import type { Batch, NodeRow } from "./write-buffer.ts";

const db = sharedDb();
const client = new pg.Client({ connectionString: sharedDatabaseUrl() });
const query: Query = (sql, params) => client.query(sql, params as unknown[]);
/** One plain transaction on the test's own connection (the leader's are fenced by its lease). */
const inTransaction =
  (on: Query): Transaction =>
  async (work) => {
    await on("BEGIN");
    try {
      const result = await work(on);
      await on("COMMIT");
      return result;
    } catch (error) {
      await on("ROLLBACK").catch(() => undefined);
      throw error;
    }
  };
const transaction = inTransaction(query);
let clusterId = "";
const ids: Record<string, string> = {};

beforeAll(async () => {
  await client.connect();
  const cluster = await db.cluster.create({
    data: {
      name: uniqueName("store-batch"),
      mode: "ACTIVE_PASSIVE",
      system: "postgresql",
      nodes: { create: ["n1", "n2", "n3"].map((name) => ({ name, region: "r", zone: "z" })) },
    },
    select: { id: true, nodes: { select: { id: true, name: true } } },
  });
  clusterId = cluster.id;
  for (const node of cluster.nodes) ids[node.name] = node.id;
});

afterAll(async () => {
  await client.end();
  await db.$disconnect();
});

const sample = (node: string, at: number, extra: Partial<SampleRow> = {}): SampleRow => ({
  nodeId: ids[node]!,
  at: new Date(at).toISOString(),
  reachable: true,
  healthy: true,
  role: "STANDBY",
  state: "HEALTHY",
  pollLatencyMs: 1,
  lagBytes: 0,
  lagSeconds: 0,
  weight: null,
  activeConnections: null,
  requestsPerSec: null,
  errorRate: null,
  failedChecks: null,
  ...extra,
});

const nodeRow = (node: string, lastStatus: unknown): NodeRow => ({
  id: ids[node]!,
  role: "STANDBY",
  reportedRole: "STANDBY",
  needsRejoin: false,
  state: "HEALTHY",
  consecutiveFailures: 0,
  confirmedDown: false,
  isolated: false,
  lagOver: false,
  degraded: false,
  stateChangedAt: null,
  lastSeenAt: new Date().toISOString(),
  lastStatus,
  weight: null,
  trafficState: null,
  replicationMode: null,
  upstreamName: null,
});

const event = (node: string, summary: string): EventRow => ({
  at: new Date().toISOString(),
  type: "node.healthy",
  severity: "INFO",
  summary,
  details: {},
  clusterId,
  nodeId: ids[node]!,
});

function batchWithBadRows(at: number): Batch {
  return {
    samples: [
      sample("n1", at),
      sample("n2", at),
      sample("n3", at),
      sample("n1", at + 1),
      sample("n2", at + 1, { lagSeconds: 1e39 }),
      sample("n3", at + 1),
    ],
    nodes: [nodeRow("n1", { role: "standby" }), nodeRow("n2", { role: "standby" }), nodeRow("n3", { x: "a\u0000b" })],
    clusters: [{ id: clusterId, splitBrain: false, imbalanced: false }],
    events: [event("n1", "fine"), event("n2", "bad \u0000 text"), event("n3", "fine too")],
  };
}

describe("storing a batch the database refuses in part", () => {
  it("stores every other row and counts the refused ones per node, telling each node once", async () => {
    const at = Date.now();
    await expect(flushBatch(transaction, batchWithBadRows(at))).rejects.toThrow(/out of range for type real/);

    const lines: string[] = [];
    const nameOf = (id: string) => Object.keys(ids).find((name) => ids[name] === id);
    const rejected = new RejectedRows((line) => lines.push(line), nameOf);
    await storeBatch(transaction, batchWithBadRows(at), { isConnectionError, rejected });

    const samples = await db.sample.findMany({ where: { node: { clusterId } }, select: { nodeId: true, at: true } });
    expect(samples).toHaveLength(5);
    expect(samples.some((s) => s.nodeId === ids.n2 && s.at.getTime() === at + 1)).toBe(false);
    const events = await db.event.findMany({ where: { clusterId }, select: { summary: true } });
    expect(events.map((e) => e.summary).sort()).toEqual(["fine", "fine too"]);
    const nodes = await db.node.findMany({
      where: { clusterId },
      orderBy: { name: "asc" },
      select: { lastStatus: true },
    });
    expect(nodes.map((n) => n.lastStatus)).toEqual([{ role: "standby" }, { role: "standby" }, null]);

    expect(rejected.byOwner()).toEqual({ n2: 2, n3: 1 });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/refused a row of samples of n2 \("1e\+39" is out of range for type real\)/);
    expect(lines[1]).toMatch(/refused a row of nodes of n3 \(unsupported Unicode escape sequence\)/);

    const tooMany = sample("n2", at + 2, { activeConnections: 3e9 });
    const deps = { isConnectionError, rejected };
    await storeBatch(transaction, { samples: [tooMany], nodes: [], clusters: [], events: [] }, deps);
    expect(rejected.byOwner()).toEqual({ n2: 3, n3: 1 });
    expect(lines).toHaveLength(2);
  });

  it("sets nothing aside when the connection is lost: the caller keeps the whole batch", async () => {
    const lost: Query = async () => {
      throw new Error("Connection terminated unexpectedly");
    };
    const rejected = new RejectedRows(
      () => undefined,
      () => undefined,
    );
    const stored = storeBatch(inTransaction(lost), batchWithBadRows(Date.now()), { isConnectionError, rejected });
    await expect(stored).rejects.toThrow(/terminated/);
    expect(rejected.byOwner()).toEqual({});
  });
});

// One agent's bad document never blinds the fleet: among simulated agents, a fake agent serves a
// number the store cannot keep; its polls fail with the reason, the others keep being stored, and a
// crash elsewhere is still detected in time. A row that slips past the protocol is set aside alone.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detectionBoundMs } from "../detection/bound.ts";
import { sampleOf } from "../detection/sample.ts";
import { eventsOf, startFleet, waitFor, type Fleet } from "../testing/fleet-harness.ts";
import { startControl, type Control } from "./control.ts";
import { LEADER_KEY } from "./leader-record.ts";

const settings = { intervalMs: 200, timeoutMs: 150, failureThreshold: 3 };
const GOOD = ["db-1", "db-2", "db-3"];

let fleet: Fleet;
let control: Control;
let fakeAgent: http.Server;
const logged: string[] = [];

const badDocument = () =>
  JSON.stringify({
    agent: { id: "bad-1", version: "1.0.0" },
    node: { name: "bad-1" },
    observedAt: new Date().toISOString(),
    role: "standby",
    healthy: true,
    replication: { upstream: "db-1", mode: "async", lagBytes: 0, lagSeconds: 1e39 },
  });

const nodeOf = (name: string) =>
  fleet.db.node.findFirstOrThrow({ where: { name, clusterId: fleet.clusterId }, select: { id: true, state: true } });

const samplesOf = (names: string[]) =>
  fleet.db.sample.count({ where: { node: { clusterId: fleet.clusterId, name: { in: names } } } });

const eventsFor = async (type: string, name: string) =>
  (await eventsOf(fleet.db, fleet.clusterId, type)).filter((e) => e.node?.name === name);

beforeAll(async () => {
  fakeAgent = http.createServer((_request, response) => {
    response.writeHead(200, { "content-type": "application/json" }).end(badDocument());
  });
  await new Promise<void>((resolve) => fakeAgent.listen(0, "127.0.0.1", resolve));
  fleet = await startFleet({
    settings,
    nodes: [
      { name: "db-1", role: "primary" },
      { name: "db-2", role: "standby", upstream: "db-1" },
      { name: "db-3", role: "standby", upstream: "db-1", region: "us-east" },
    ],
  });
  const port = (fakeAgent.address() as AddressInfo).port;
  await fleet.db.node.create({
    data: {
      clusterId: fleet.clusterId,
      name: "bad-1",
      region: "eu-west",
      zone: "eu-west-1a",
      agentUrl: `http://127.0.0.1:${port}`,
    },
  });
  control = startControl(fleet.controlOptions({ log: (line) => logged.push(line) }));
  await waitFor("the good nodes healthy and bad-1 down", async () => {
    const states = await Promise.all([...GOOD, "bad-1"].map(async (name) => (await nodeOf(name)).state));
    return states.join() === "HEALTHY,HEALTHY,HEALTHY,DOWN";
  });
});

afterAll(async () => {
  await control?.stop();
  await fleet?.stop();
  await new Promise((resolve) => fakeAgent?.close(resolve));
});

describe("one bad document among good agents", () => {
  it("fails only the bad node's polls, with the field, says so once, and keeps storing the others", async () => {
    const reason = /bad document: replication\.lagSeconds: out of range \(0 to 315576000\)/;
    const [down] = await eventsFor("node.down", "bad-1");
    expect(down?.summary).toMatch(reason);
    const stored = await samplesOf(GOOD);
    await waitFor("three more rounds of the good nodes stored", async () => (await samplesOf(GOOD)) >= stored + 9);

    const said = await eventsFor("node.bad_document", "bad-1");
    expect(said).toHaveLength(1);
    expect(said[0]?.summary).toMatch(/^bad-1 sends a status document the console refuses \(replication\.lagSeconds/);
    expect(said[0]?.details).toMatchObject({ field: "replication.lagSeconds" });
    const badSamples = await fleet.db.sample.findMany({
      where: { node: { clusterId: fleet.clusterId, name: "bad-1" } },
      select: { reachable: true, lagSeconds: true },
    });
    expect(badSamples.length).toBeGreaterThan(3);
    expect(badSamples.every((s) => !s.reachable && s.lagSeconds === null)).toBe(true);
    expect(logged.filter((line) => /Could not store|refused a row/.test(line))).toEqual([]);
  });

  it("still detects a crash of another node within its detection bound", async () => {
    const injectedAt = Date.now();
    expect(await fleet.act("db-2", "inject-fault", { kind: "crash" })).toMatchObject({ status: "done" });
    const down = await waitFor("db-2 down", async () => (await eventsFor("node.down", "db-2")).at(-1));
    expect(down.at.getTime() - injectedAt).toBeLessThanOrEqual(detectionBoundMs(settings));
    await fleet.act("db-2", "clear-fault");
    await waitFor("db-2 healthy again", async () => (await nodeOf("db-2")).state === "HEALTHY");
  });

  it("sets aside a row that slipped past the protocol and counts it in the leader record", async () => {
    const db3 = await nodeOf("db-3");
    const slipped = sampleOf(db3.id, Date.now() - 1, "HEALTHY", "STANDBY", null, 1);
    control.buffer.sample({ ...slipped, lagSeconds: 1e39 });
    const stored = await samplesOf(GOOD);
    const record = await waitFor(
      "the leader record counting the refused row",
      async () => {
        const setting = await fleet.db.setting.findUnique({ where: { key: LEADER_KEY }, select: { value: true } });
        const value = setting?.value as { rejectedRows?: Record<string, number> } | undefined;
        return value?.rejectedRows?.["db-3"] ? value : undefined;
      },
      15_000,
    );
    expect(record.rejectedRows).toEqual({ "db-3": 1 });
    expect(await samplesOf(GOOD)).toBeGreaterThan(stored);
    const told = logged.filter((line) => line.includes("refused a row"));
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/refused a row of samples of db-3 \("1e\+39" is out of range for type real\)/);
  }, 25_000);
});

// A DNS route on a real control loop against Debian's Knot DNS: a failover replaces the write
// name's record with the new primary's address and its step ends only once the server answers
// so; a drained node's record is removed from an active-active name and an undrain adds it back.
// Simulated agents stand in for the databases; the DNS server is real.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "../server/actions/request.ts";
import { startControl, type Control } from "../server/control/control.ts";
import { startFleet, waitFor, type Fleet } from "../server/testing/fleet-harness.ts";
import { fleetActions } from "../server/testing/fleet-actions.ts";
import { answerAt, replaceAddresses } from "../server/traffic/dns/index.ts";
import { dnsRouteRow } from "./client-routes.ts";
import { type KnotServer, startKnot } from "./knot-server.ts";

let knot: KnotServer;
const fleets: { fleet: Fleet; control: Control }[] = [];
const operator: Actor = { id: null, email: "op@example.com", role: "operator" };

const dnsServer = () => ({ host: knot.host, port: knot.port, zone: knot.zone, key: knot.key, timeoutMs: 2_000 });

async function withRoute(nodes: Parameters<typeof startFleet>[0]["nodes"], record: string) {
  const fleet = await startFleet({ settings: { intervalMs: 200, timeoutMs: 500, failureThreshold: 3 }, nodes });
  const { db, clusterId } = fleet;
  await db.cluster.update({ where: { id: clusterId }, data: { cooldownMs: 0 } });
  for (const [i, node] of nodes.entries())
    await db.node.updateMany({ where: { clusterId, name: node.name }, data: { address: `10.0.0.${i + 1}:5432` } });
  await db.clientRoute.create({ data: { ...dnsRouteRow(clusterId, knot, record), timeoutMs: 3_000 } });

  const control = startControl(fleet.controlOptions());
  fleets.push({ fleet, control });
  await waitFor(
    "a healthy fleet",
    async () => (await db.node.count({ where: { clusterId, state: "HEALTHY" } })) === nodes.length,
  );
  return { fleet, ...fleetActions(() => fleet, operator) };
}

beforeAll(async () => {
  knot = await startKnot();
}, 30_000);

afterAll(async () => {
  for (const { fleet, control } of fleets) {
    await control.stop();
    await fleet.stop();
  }
  await knot?.stop();
});

it("a failover points the write name at the new primary; the step ends once the server answers it", async () => {
  await replaceAddresses(dnsServer(), "db", ["10.0.0.1"], 5);
  const { fleet, run, finished } = await withRoute(
    [
      { name: "db-1", role: "primary" },
      { name: "db-2", role: "standby", upstream: "db-1" },
    ],
    "db",
  );
  await fleet.act("db-1", "inject-fault", { kind: "crash" });
  await waitFor(
    "db-1 confirmed down",
    async () =>
      (await fleet.db.node.findFirstOrThrow({ where: { clusterId: fleet.clusterId, name: "db-1" } })).confirmedDown,
  );
  const { id } = await run({ type: "failover", target: "db-2", params: { acceptDataLoss: true } });
  const doc = await finished(id);
  expect(doc.status, doc.outcome ?? "").toBe("SUCCEEDED");
  const step = doc.steps.find((s) => s.name === "DNS write-name: point db at db-2");
  expect(step?.detail).toMatch(/^write-name: db at 127\.0\.0\.1:\d+ answers 10\.0\.0\.2 \(\d+ ms\)$/);
  const names = doc.steps.map((s) => s.name);
  expect(names.indexOf("DNS write-name: point db at db-2")).toBe(names.indexOf("promote db-2") + 1);
  expect(await answerAt(dnsServer(), "db")).toEqual(["10.0.0.2"]);
  console.log(`dns route: ${step?.detail}`);
}, 60_000);

it("a drain removes the node's record from an active-active name, an undrain adds it back", async () => {
  const all = ["10.0.0.1", "10.0.0.2", "10.0.0.3"];
  await replaceAddresses(dnsServer(), "web", all, 5);
  const { run, finished } = await withRoute(
    [
      { name: "web-1", role: "active" },
      { name: "web-2", role: "active" },
      { name: "web-3", role: "active" },
    ],
    "web",
  );
  const drained = await finished((await run({ type: "drain", target: "web-2" })).id);
  expect(drained.status, drained.outcome ?? "").toBe("SUCCEEDED");
  expect(await answerAt(dnsServer(), "web")).toEqual(["10.0.0.1", "10.0.0.3"]);
  const back = await finished((await run({ type: "undrain", target: "web-2" })).id);
  expect(back.status, back.outcome ?? "").toBe("SUCCEEDED");
  expect(await answerAt(dnsServer(), "web")).toEqual(all);
}, 60_000);

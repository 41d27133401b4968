// Client routes and hooks on a real PostgreSQL pair: with PgBouncer in front, a switchover costs
// the writer no failed transaction (only a pause) and loses nothing, and a primary crash fails over
// through the pool; with the write name in a real Knot DNS and a command and an http hook, a crash
// drill passes, the name answers the new primary, and both hooks saw it.
import { expect, it } from "vitest";
import { freshDatabaseUrl, uniqueName } from "../server/testing/databases.ts";
import { type WithRig, startRig } from "./rig.ts";
import { dnsAndHooksCrash, pgbouncerCrash, pgbouncerSwitchover } from "./routed-drills.ts";

const withRig: WithRig = async (sync, work, startPair) => {
  const rig = await startRig({ sync, databaseUrl: await freshDatabaseUrl(), cluster: uniqueName("routes"), startPair });
  try {
    return await work(rig);
  } finally {
    await rig.stop();
  }
};

it("a switchover through PgBouncer: the writer waits, nothing fails, nothing is lost", async () => {
  const result = await pgbouncerSwitchover(withRig);
  console.log(`pgbouncer switchover: ${JSON.stringify({ ...result, nodes: undefined })}`);
  expect(result.action.status, result.action.outcome ?? "").toBe("SUCCEEDED");
  expect(result.notDone).toEqual([]);
  expect(result.failed).toBe(0);
  expect(result.lost, `${result.lost} of ${result.acked} acknowledged writes lost`).toBe(0);
  expect(result.acked).toBeGreaterThan(100);
}, 120_000);

it("a primary crash fails over through PgBouncer: paused, pointed at the new primary, resumed", async () => {
  const { drill, steps, notDone } = await pgbouncerCrash(withRig);
  expect(notDone).toEqual([]);
  console.log(`pgbouncer crash: ${JSON.stringify({ ...drill, steps })}`);
  expect(drill.verdict, drill.verdictDetail ?? "").toBe("PASS");
  expect(steps).toEqual(
    expect.arrayContaining([
      "PgBouncer pool: pause app",
      "PgBouncer pool: point app at pg-2",
      "PgBouncer pool: resume app",
    ]),
  );
  // Within the cluster's RTO target (5 s), as the drill's own figure: a pool still retrying the lost
  // primary's login (PgBouncer's server_login_retry, 15 s by default) would hold the writer past it.
  expect(drill.writerRtoMs).toBeLessThan(5_000);
}, 120_000);

it("a primary crash with the write name in DNS and two hooks: the name answers the new primary, both hooks saw it", async () => {
  const result = await dnsAndHooksCrash(withRig);
  console.log(`dns and hooks crash: ${JSON.stringify(result)}`);
  expect(result.drill.verdict, result.drill.verdictDetail ?? "").toBe("PASS");
  expect(result.notDone).toEqual([]);
  expect(result.answer).toEqual(["127.0.0.2"]);
  expect(result.dnsAfterPromotionMs).not.toBeNull();
  expect(result.commandSaw).toEqual([expect.stringMatching(/^pg-2 127\.0\.0\.2:\d+$/)]);
  expect(result.httpSaw).toEqual([expect.objectContaining({ newPrimary: expect.objectContaining({ name: "pg-2" }) })]);
}, 180_000);

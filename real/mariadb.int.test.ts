// Real MariaDB end to end: a primary and a GTID replica behind HAProxy, an agent per node with the
// mariadb driver, the console with the automatic policy and default detection settings. A drill
// crashes the primary under a writer (async, and semi-sync AFTER_SYNC); a node is lost outright; a
// stall costs nothing; a switchover brings the old primary back as a replica.
import { afterEach, expect, it } from "vitest";
import { freshDatabaseUrl, uniqueName } from "../server/testing/databases.ts";
import { crashDrill } from "./crash-drill.ts";
import { loseNode, stallPrimary, switchOver } from "./lost-node.ts";
import { startMariadbPair } from "./mariadb-pair.ts";
import { type Rig, startRig } from "./rig.ts";

let rig: Rig | undefined;

afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

const mariadbRig = async (sync: boolean) =>
  startRig({ sync, databaseUrl: await freshDatabaseUrl(), cluster: uniqueName("maria"), startPair: startMariadbPair });

it("a primary-crash drill fails over and restores with semi-sync replication, no acknowledged write lost", async () => {
  rig = await mariadbRig(true);
  const result = await crashDrill(rig);
  console.log(`real mariadb failover (semi-sync): ${JSON.stringify(result)}`);
  expect(result.verdict, result.verdictDetail ?? "").toBe("PASS");
  expect(result.newPrimary).toBe("db-2");
  expect(result.oldPrimaryInHaproxy).toBe("MAINT");
  expect(result.restoredAsStandby).toBe(true);
  expect(result.lostRows).toBe(0);
}, 120_000);

it("a primary-crash drill fails over with async replication; the old primary rejoins only if it lost nothing", async () => {
  rig = await mariadbRig(false);
  const result = await crashDrill(rig);
  console.log(`real mariadb failover (async): ${JSON.stringify(result)}`);
  expect(result.newPrimary).toBe("db-2");
  expect(result.oldPrimaryInHaproxy).toBe("MAINT");
  expect(result.writerRtoMs).not.toBeNull();
  // Acknowledged writes the replica never received are errant on the old primary: its rejoin is refused.
  expect(result.restoredAsStandby).toBe(result.lostRows === 0);
}, 150_000);

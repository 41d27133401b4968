// Real systems end to end: PostgreSQL 15 primary and streaming standby, HAProxy, an agent per
// node, the console with the automatic policy and default detection settings. A drill crashes
// the primary while a writer writes through HAProxy; async and sync replication.
import { afterEach, expect, it } from "vitest";
import { freshDatabaseUrl, uniqueName } from "../server/testing/databases.ts";
import { crashDrill } from "./crash-drill.ts";
import { startRig, type Rig } from "./rig.ts";

let rig: Rig | undefined;

afterEach(async () => {
  await rig?.stop();
  rig = undefined;
});

for (const sync of [false, true]) {
  it(`a primary-crash drill fails over and restores, ${sync ? "synchronous" : "asynchronous"} replication`, async () => {
    rig = await startRig({ sync, databaseUrl: await freshDatabaseUrl(), cluster: uniqueName("real") });
    const result = await crashDrill(rig);
    console.log(`real failover (${sync ? "sync" : "async"}): ${JSON.stringify(result)}`);
    expect(result.verdict).toBe("PASS");
    expect(result.newPrimary).toBe("pg-2");
    expect(result.writerRtoMs).not.toBeNull();
    expect(result.oldPrimaryInHaproxy).toBe("MAINT");
    expect(result.restoredAsStandby).toBe(true);
    if (sync) expect(result.lostRows).toBe(0);
    const audit = await rig.db.auditEntry.findMany({ where: { target: { startsWith: rig.cluster } }, select: { action: true, outcome: true } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["drill.start", "action.failover", "action.step", "action.finish", "drill.finish"]));
  }, 120_000);
}

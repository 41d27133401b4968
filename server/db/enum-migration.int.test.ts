// The drill_enums migration converts the rows a console already holds: a database migrated up to the
// migration before it, with a cluster, a drill, its phases and a schedule in it, reads the same values
// back through the enums afterwards; a value outside its set stops the migration, not the data.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { freshDatabaseUrl } from "../testing/databases.ts";
import { createDb } from "./client.ts";
import { migrate, readMigrations } from "./migrate.ts";

const all = readMigrations();
const enumsAt = all.findIndex((m) => m.name.endsWith("_drill_enums"));
const before = all.slice(0, enumsAt);
const PHASES = ["inject", "detect", "failover", "verify", "restore"];

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A database as the migration before drill_enums left it: one cluster of `system`, a drill, a schedule. */
async function seededBeforeEnums(system: string): Promise<string> {
  const url = await freshDatabaseUrl();
  await migrate(url, before);
  await withClient(url, async (client) => {
    await client.query(
      `INSERT INTO cluster (id, name, mode, system, "updatedAt") VALUES ('c1', 'orders', 'ACTIVE_PASSIVE', $1, now())`,
      [system],
    );
    await client.query(`INSERT INTO drill (id, "clusterId", scenario, reason) VALUES ('d1', 'c1', 'standby-lag', 'x')`);
    for (const [seq, name] of PHASES.entries()) {
      const phase = `INSERT INTO drill_phase (id, "drillId", seq, name) VALUES ($1, 'd1', $2, $3)`;
      await client.query(phase, [`p${seq}`, seq, name]);
    }
    const schedule = `INSERT INTO drill_schedule ("clusterId", cron, scenario, "updatedAt") VALUES ($1, $2, $3, now())`;
    await client.query(schedule, ["c1", "0 3 * * *", "node-crash"]);
  });
  return url;
}

describe("the drill_enums migration", () => {
  it("follows the migrations it is tested after", () => {
    expect(enumsAt).toBeGreaterThan(0);
  });

  it("converts the stored strings to the enums, keeping every row and value", async () => {
    const url = await seededBeforeEnums("redis");
    expect(await migrate(url)).toEqual(all.slice(enumsAt).map((m) => m.name));
    const db = createDb(url);
    try {
      const drill = await db.drill.findUniqueOrThrow({
        where: { id: "d1" },
        select: {
          scenario: true,
          cluster: { select: { system: true } },
          phases: { orderBy: { seq: "asc" }, select: { name: true } },
        },
      });
      const phases = PHASES.map((name) => ({ name }));
      expect(drill).toEqual({ scenario: "STANDBY_LAG", cluster: { system: "redis" }, phases });
      const schedule = await db.drillSchedule.findUnique({ where: { clusterId: "c1" }, select: { scenario: true } });
      expect(schedule).toEqual({ scenario: "NODE_CRASH" });
    } finally {
      await db.$disconnect();
    }
    const stored = await withClient(
      url,
      async (client) =>
        (
          await client.query(
            `SELECT d.scenario::text AS scenario, pg_typeof(d.scenario)::text AS type, s.scenario::text AS scheduled
         FROM drill d JOIN drill_schedule s ON s."clusterId" = d."clusterId"`,
          )
        ).rows,
    );
    expect(stored).toEqual([{ scenario: "standby-lag", type: '"DrillScenario"', scheduled: "node-crash" }]);
  });

  it("refuses a value outside its set, rolled back with the rows as they were", async () => {
    const url = await seededBeforeEnums("mysql");
    await expect(migrate(url)).rejects.toThrow(/_drill_enums failed and was rolled back: .*"ClusterSystem".*mysql/);
    const read = `SELECT system, pg_typeof(system)::text AS type FROM cluster`;
    const systems = await withClient(url, async (client) => (await client.query(read)).rows);
    expect(systems).toEqual([{ system: "mysql", type: "text" }]);
  });
});

import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { freshDatabaseUrl } from "../testing/databases.ts";
import { seedDemoFleetOnce } from "./seed-demo-fleet.ts";

const opened: ReturnType<typeof createDb>[] = [];
async function blankDb() {
  const url = await freshDatabaseUrl();
  await migrate(url);
  const db = createDb(url);
  opened.push(db);
  return db;
}
afterAll(() => Promise.all(opened.map((db) => db.$disconnect())));

describe("seedDemoFleetOnce", () => {
  it("seeds the demo fleet with the contract's cluster and node names", async () => {
    const db = await blankDb();
    expect(await seedDemoFleetOnce(db)).toBe(true);
    const clusters = await db.cluster.findMany({
      orderBy: { name: "asc" },
      select: {
        name: true,
        mode: true,
        nodes: { orderBy: { name: "asc" }, select: { name: true, role: true, region: true } },
      },
    });
    expect(clusters.map((c) => [c.name, c.mode])).toEqual([
      ["checkout-api", "ACTIVE_ACTIVE"],
      ["orders-db", "ACTIVE_PASSIVE"],
      ["sessions-cache", "ACTIVE_PASSIVE"],
    ]);
    const orders = clusters.find((c) => c.name === "orders-db")!;
    expect(orders.nodes).toEqual([
      { name: "orders-db-1", role: "PRIMARY", region: "eu-west" },
      { name: "orders-db-2", role: "STANDBY", region: "eu-west" },
      { name: "orders-db-3", role: "STANDBY", region: "us-east" },
    ]);
    const checkout = clusters.find((c) => c.name === "checkout-api")!;
    expect(checkout.nodes.map((n) => n.name)).toEqual(["checkout-1", "checkout-2", "checkout-3", "checkout-4"]);
    expect(new Set(checkout.nodes.map((n) => n.region))).toEqual(new Set(["eu-west", "us-east", "ap-south"]));
    expect(checkout.nodes.every((n) => n.role === "ACTIVE")).toBe(true);
    const sessions = clusters.find((c) => c.name === "sessions-cache")!;
    expect(sessions.nodes.map((n) => [n.name, n.role])).toEqual([
      ["sessions-1", "PRIMARY"],
      ["sessions-2", "STANDBY"],
    ]);
  });

  it("seeds only once, even when a user later empties the fleet", async () => {
    const db = await blankDb();
    await seedDemoFleetOnce(db);
    expect(await seedDemoFleetOnce(db)).toBe(false);
    expect(await db.node.count()).toBe(9);
    await db.cluster.deleteMany();
    expect(await seedDemoFleetOnce(db)).toBe(false);
    expect(await db.cluster.count()).toBe(0);
  });

  it("seeds once when two consoles start together", async () => {
    const db = await blankDb();
    const results = await Promise.all([seedDemoFleetOnce(db), seedDemoFleetOnce(db)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await db.cluster.count()).toBe(3);
  });
});

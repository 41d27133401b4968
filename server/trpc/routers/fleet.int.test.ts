import { afterAll, describe, expect, it } from "vitest";
import { sharedDb, uniqueName } from "../../testing/databases.ts";
import { createCaller } from "../root.ts";

const db = sharedDb();
afterAll(() => db.$disconnect());

describe("fleet router", () => {
  it("serves the overview through tRPC", async () => {
    const name = uniqueName("routed");
    await db.cluster.create({ data: { name, mode: "ACTIVE_PASSIVE", system: "redis" } });
    const overview = await createCaller({
      db,
      user: { id: "u", email: "v@example.com", name: "V", role: "viewer" },
    }).fleet.overview();
    expect(overview.find((c) => c.name === name)).toMatchObject({ mode: "active-passive", nodeCount: 0 });
  });
});

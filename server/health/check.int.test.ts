import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../db/client.ts";
import { freePort } from "../db/free-port.ts";
import { sharedDb } from "../testing/databases.ts";
import { checkHealth } from "./check.ts";

const db = sharedDb();
afterAll(() => db.$disconnect());

describe("checkHealth", () => {
  it("reports ok when the database answers", async () => {
    const health = await checkHealth(db);
    expect(health).toMatchObject({ status: "ok", db: "ok" });
    expect(health.dbLatencyMs).toBeGreaterThanOrEqual(0);
  });

  it("reports the database down, with the reason, when nothing listens", async () => {
    const port = await freePort();
    const unreachable = createDb(`postgresql://postgres:x@127.0.0.1:${port}/none`);
    const health = await checkHealth(unreachable);
    await unreachable.$disconnect();
    expect(health).toMatchObject({ status: "degraded", db: "down" });
    expect(health.error).toMatch(/reach/i);
  });
});

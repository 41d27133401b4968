// The demo agents' configuration file, written by `npm start` when it runs the simulated agents.
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { freshDatabaseUrl } from "../testing/databases.ts";
import { writeDemoAgentsConfig } from "./demo-agents.ts";
import { seedDemoFleetOnce } from "./seed-demo-fleet.ts";

const scratch = mkdtempSync(path.join(tmpdir(), "demo-agents-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("writeDemoAgentsConfig", () => {
  it("makes the data folder when no embedded database made it (DATABASE_URL with CONSOLE_DEMO_AGENTS=1)", async () => {
    const url = await freshDatabaseUrl();
    await migrate(url);
    const db = createDb(url);
    try {
      await seedDemoFleetOnce(db);
      const file = path.join(scratch, "not-yet", ".data", "demo-agents.yaml");
      expect(await writeDemoAgentsConfig(db, "demo-agents-test-secret-at-least-32-chars", file)).toBe(9);
      expect(readFileSync(file, "utf8")).toContain("name: orders-db-1");
      expect(statSync(file).mode & 0o777).toBe(0o600);
    } finally {
      await db.$disconnect();
    }
  });
});

import path from "node:path";
import { describe, expect, it } from "vitest";
import { readLaunchConfig } from "./config.ts";

describe("launch config", () => {
  it("defaults to the embedded database in ./.data with the demo fleet on port 3000", () => {
    expect(readLaunchConfig({})).toEqual({
      databaseUrl: undefined,
      port: 3000,
      host: "0.0.0.0",
      dataDir: path.resolve(".data"),
      seedDemoFleet: true,
    });
  });

  it("uses DATABASE_URL as given and seeds nothing into it unless asked", () => {
    const url = "postgresql://u:p@db.internal:5432/console";
    expect(readLaunchConfig({ DATABASE_URL: url })).toMatchObject({ databaseUrl: url, seedDemoFleet: false });
    expect(readLaunchConfig({ DATABASE_URL: url, CONSOLE_DEMO_FLEET: "1" }).seedDemoFleet).toBe(true);
  });

  it("refuses bad values, naming the variable", () => {
    expect(() => readLaunchConfig({ PORT: "70000" })).toThrow(/PORT/);
    expect(() => readLaunchConfig({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL must be a postgresql:\/\/ URL/);
    expect(() => readLaunchConfig({ CONSOLE_DEMO_FLEET: "maybe" })).toThrow(/CONSOLE_DEMO_FLEET/);
  });
});

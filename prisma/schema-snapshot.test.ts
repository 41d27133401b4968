import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { schemaPath, snapshotPath } from "./migrations-dir.ts";

describe("prisma schema", () => {
  it("matches the migrations' schema snapshot (run `npm run db:migration <name>` after a change)", () => {
    expect(readFileSync(schemaPath, "utf8")).toBe(readFileSync(snapshotPath, "utf8"));
  });
});

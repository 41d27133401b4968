import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { latestSnapshot, schemaPath } from "./migrations-dir.ts";

describe("prisma schema", () => {
  it("matches the schema of the latest migration (run `npm run db:migration <name>` after a change)", () => {
    const snapshot = latestSnapshot();
    expect(snapshot, "no migration found").toBeDefined();
    expect(readFileSync(schemaPath, "utf8")).toBe(readFileSync(snapshot!, "utf8"));
  });
});

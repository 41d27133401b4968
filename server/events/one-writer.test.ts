// The one-writer rule, checked where it can break: no server module but the writer creates events
// through Prisma, so every event's type passes through the catalog's type.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SERVER = path.resolve(import.meta.dirname, "..");
const WRITER = path.join("events", "record.ts");
const CREATES = /\.event\s*\.\s*(create|createMany|createManyAndReturn|upsert)\b/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sources(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("events", () => {
  it("are created through Prisma only by server/events/record.ts", () => {
    const writers = sources(SERVER)
      .filter((file) => CREATES.test(readFileSync(file, "utf8")))
      .map((file) => path.relative(SERVER, file));
    expect(writers).toEqual([WRITER]);
  });
});

// prisma/sql/alert-state.sql is the one source of the alert state trigger function: the newest migration
// that defines the function must carry the file's text byte for byte; and the conditions it knows, with
// the types that resolve them, must be the event catalog's.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EVENT_TYPES, type EventSpec } from "../lib/events.ts";
import { expectSingleSource } from "./sql-source.ts";

const PAIR = /\('([a-z_.]+)', '([a-z_.]+)'\)/g;

describe("the alert state trigger", () => {
  const source = readFileSync(path.resolve(import.meta.dirname, "sql/alert-state.sql"), "utf8");

  it("is defined last by a migration that carries prisma/sql/alert-state.sql unchanged", () => {
    expectSingleSource("alert-state.sql", "alert_state");
  });

  it("knows the catalog's conditions and what resolves each", () => {
    const known = Object.fromEntries(
      [...source.matchAll(PAIR)].map(([, condition, resolver]) => [condition, resolver]),
    );
    const catalog = Object.fromEntries(
      Object.entries(EVENT_TYPES as Record<string, EventSpec>).flatMap(([type, spec]) =>
        spec.condition ? [[type, spec.condition.resolvedBy]] : [],
      ),
    );
    expect(known).toEqual(catalog);
  });
});

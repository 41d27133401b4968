// prisma/sql/alert-trigger.sql is the one source of the outbox's trigger function (sql-source.ts).
import { describe, it } from "vitest";
import { expectSingleSource } from "./sql-source.ts";

describe("the alert routing trigger", () => {
  it("is defined last by a migration that carries prisma/sql/alert-trigger.sql unchanged", () => {
    expectSingleSource("alert-trigger.sql", "webhook_outbox");
  });
});

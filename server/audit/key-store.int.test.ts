// Every instance on one database holds the same audit key: another key refuses to start.
import { expect, it } from "vitest";
import { createDb } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { freshDatabaseUrl } from "../testing/databases.ts";
import { checkAuditKey } from "./key-store.ts";

it("records the key's id on the first start and refuses another key after", async () => {
  const url = await freshDatabaseUrl();
  await migrate(url);
  const db = createDb(url);
  try {
    await checkAuditKey(db, "a".repeat(32));
    await checkAuditKey(db, "a".repeat(32));
    const refusal = /keyed by another audit key .* same CONSOLE_AUDIT_KEY/;
    await expect(checkAuditKey(db, "b".repeat(32))).rejects.toThrow(refusal);
    const stored = await db.setting.findUniqueOrThrow({ where: { key: "auditKeyId" } });
    expect(JSON.stringify(stored.value)).not.toContain("a".repeat(8));
  } finally {
    await db.$disconnect();
  }
});

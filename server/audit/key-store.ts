// Where the audit key comes from at start: CONSOLE_AUDIT_KEY, else a key made once in the data
// folder (mode 600) — never the console's database, whose owner the key guards against. Every
// instance on one database must hold the same key, so the database keeps the key's id (an HMAC of
// a constant: it does not reveal the key) and an instance with another key refuses to start.
import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "../db/client.ts";
import { auditHmac } from "./hash.ts";

const SETTING = "auditKeyId";

/** The key kept in `dataDir/audit-key`, made on the first start. */
export function auditKeyInFolder(dataDir: string): string {
  const file = path.join(dataDir, "audit-key");
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  try {
    // "wx": of two instances starting on one folder, the second reads the first one's key.
    writeFileSync(file, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const key = readFileSync(file, "utf8").trim();
  if (key.length < 32) {
    throw new Error(`${file} holds no audit key (at least 32 characters); remove it to have one made.`);
  }
  return key;
}

export const auditKeyId = (key: string) => auditHmac(key, "ha-ops-console audit key id").slice(0, 16);

/** Records the key's id on first use; refuses a key other than the one this database's log is keyed by. */
export async function checkAuditKey(db: Db, key: string): Promise<void> {
  const id = auditKeyId(key);
  await db.setting.createMany({ data: [{ key: SETTING, value: id }], skipDuplicates: true });
  const stored = await db.setting.findUniqueOrThrow({ where: { key: SETTING }, select: { value: true } });
  if (stored.value !== id) {
    throw new Error(
      `This database's audit log is keyed by another audit key (id ${String(stored.value)}; ` +
        `this instance's is ${id}). ` +
        "Give every console instance on one database the same CONSOLE_AUDIT_KEY.",
    );
  }
}

// The session-signing secret when BETTER_AUTH_SECRET is not given: made once and kept in the
// database, so every console instance on that database signs alike and restarts keep sessions.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Db } from "../db/client.ts";

const KEY = "authSecret";

export async function storedAuthSecret(db: Db): Promise<string> {
  await db.setting.createMany({
    data: [{ key: KEY, value: randomBytes(48).toString("base64url") }],
    skipDuplicates: true,
  });
  const setting = await db.setting.findUniqueOrThrow({ where: { key: KEY }, select: { value: true } });
  return String(setting.value);
}

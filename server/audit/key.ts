// The audit key of this process: CONSOLE_AUDIT_KEY (`npm start` sets it from its data folder when
// it is not given), or one handed over by a program that runs the console's services on a scratch
// store of its own (the bench, `npm run drill:real`). Without it nothing is appended: an unkeyed
// entry would be one the database's owner could forge.
import "server-only";
import { env } from "../env.ts";

let given: string | undefined;

export function setAuditKey(key: string) {
  given = key;
}

export function auditKey(): string {
  const key = given ?? env().CONSOLE_AUDIT_KEY;
  if (!key) throw new Error("CONSOLE_AUDIT_KEY is not set: the audit log cannot be written or verified without it.");
  return key;
}

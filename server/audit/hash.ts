// The audit chain's hash over a canonical JSON of the entry and the previous hash, so editing,
// reordering or deleting any entry changes every hash after it. Entries are keyed: HMAC-SHA256
// under the audit key, which the database does not hold, so its owner cannot recompute the chain.
// Entries written before the key came in keep their plain SHA-256.
import "server-only";
import { createHash, createHmac } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export interface HashedFields {
  at: Date;
  actor: string;
  action: string;
  target: string;
  reason: string | null;
  guards: unknown;
  outcome: string;
  details: unknown;
  prevHash: string;
}

/** JSON with object keys sorted at every depth, so equal data always hashes equally. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  if (typeof value === "bigint") return JSON.stringify(value.toString());
  return JSON.stringify(value);
}

/** The unkeyed hash of entries written before the audit key. */
export function auditHash(fields: HashedFields): string {
  return createHash("sha256").update(canonicalJson(fields)).digest("hex");
}

/** Keyed entries and checkpoints: HMAC-SHA256 under the audit key. */
export function auditHmac(key: string, value: unknown): string {
  return createHmac("sha256", key).update(canonicalJson(value)).digest("hex");
}

// A checkpoint's signature: HMAC-SHA256 under the audit key over every field it states, so the
// database's owner can neither forge a checkpoint nor change what one says.
import "server-only";
import { timingSafeEqual } from "node:crypto";
import { auditHmac } from "./hash.ts";

export interface CheckpointFields {
  at: Date;
  seq: bigint;
  hash: string;
  verified: boolean;
  brokenAt: bigint | null;
  note: string | null;
  fullWalk: boolean;
}

// The `kind` keeps a checkpoint's signature from ever equalling an entry's hash.
const signed = (c: CheckpointFields) => ({
  kind: "audit.checkpoint",
  at: c.at,
  seq: c.seq,
  hash: c.hash,
  verified: c.verified,
  brokenAt: c.brokenAt,
  note: c.note,
  fullWalk: c.fullWalk,
});

export function signCheckpoint(key: string, checkpoint: CheckpointFields): string {
  return auditHmac(key, signed(checkpoint));
}

export function checkpointSigned(key: string, checkpoint: CheckpointFields & { signature: string }): boolean {
  const expected = Buffer.from(signCheckpoint(key, checkpoint));
  const stored = Buffer.from(checkpoint.signature);
  return stored.length === expected.length && timingSafeEqual(stored, expected);
}

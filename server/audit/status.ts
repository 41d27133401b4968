// Whether the audit chain verifies, as the audit page and GET /api/v1/audit show it: from the
// newest checkpoint on (its signature, the entry it vouches for, every entry after it), so a read
// costs the entries of the last minute, not the whole log. An entry edited before that checkpoint
// is found by the full walk (nightly on the leader, or on demand), not here: that is the trade-off.
import type { Db } from "../db/client.ts";
import { checkpointSigned } from "./checkpoint-sign.ts";
import { auditKey } from "./key.ts";
import { verifyAfter, type Segment } from "./segment.ts";
import { verdictOf, walkWhole } from "./verify.ts";
import { START, walkFrom } from "./walk.ts";

export interface ChainStatus {
  verified: boolean;
  brokenAt?: number;
  missing?: { from: number; through: number };
  reason?: string;
  /** The newest checkpoint: the head the leader signed last. */
  checkpoint: { id: number; seq: number; hash: string; at: Date } | null;
  /** The newest entry verified now; null when the chain is broken or empty. */
  verifiedThrough: number | null;
  lastFullWalk: { at: Date; verified: boolean; brokenAt?: number } | null;
}

const SELECT = {
  id: true,
  at: true,
  seq: true,
  hash: true,
  verified: true,
  brokenAt: true,
  note: true,
  fullWalk: true,
  signature: true,
} as const;

const brokenAtOf = (value: bigint | null) => (value === null ? {} : { brokenAt: Number(value) });

export async function chainStatus(db: Db, opts: { full?: boolean } = {}): Promise<ChainStatus> {
  const key = auditKey();
  const [latest, lastFull] = await Promise.all([
    db.auditCheckpoint.findFirst({ orderBy: { id: "desc" }, select: SELECT }),
    db.auditCheckpoint.findFirst({ where: { fullWalk: true }, orderBy: { id: "desc" }, select: SELECT }),
  ]);
  const checkpoint = latest && { id: Number(latest.id), seq: Number(latest.seq), hash: latest.hash, at: latest.at };
  const base = {
    checkpoint,
    lastFullWalk:
      lastFull && checkpointSigned(key, lastFull)
        ? { at: lastFull.at, verified: lastFull.verified, ...brokenAtOf(lastFull.brokenAt) }
        : null,
  };
  let segment: Segment;
  if (opts.full) {
    segment = await walkWhole(db);
    const { verified, brokenAt } = verdictOf(segment);
    base.lastFullWalk = { at: new Date(), verified, ...(brokenAt !== undefined ? { brokenAt } : {}) };
  } else if (!latest) {
    segment = await walkFrom(db, key, START);
  } else if (!checkpointSigned(key, latest)) {
    const reason = `the newest checkpoint (#${latest.id}) is not signed by this console's audit key`;
    segment = { ok: false, reason, entries: 0, head: START };
  } else if (!latest.verified) {
    const reason = latest.note ?? "the leader found the chain broken";
    segment = { ok: false, reason, entries: 0, head: START, ...brokenAtOf(latest.brokenAt) };
  } else {
    segment = await verifyAfter(db, key, latest);
  }
  const { verified, brokenAt, missing, reason } = verdictOf(segment);
  return {
    verified,
    ...(brokenAt !== undefined ? { brokenAt } : {}),
    ...(missing ? { missing } : {}),
    ...(reason ? { reason } : {}),
    ...base,
    verifiedThrough: verified && segment.head.seq > 0n ? Number(segment.head.seq) : null,
  };
}

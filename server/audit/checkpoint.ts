// The leader's checkpoint of the audit chain: it verifies from the newest checkpoint to the head
// (or walks the whole log), then signs the head with what it found, in its own table, as an
// audit.checkpoint event (webhooks to endpoints that name it) and in the log. Deleting the newest
// entries then leaves a signed checkpoint vouching for entries that are gone.
import type { Db } from "../db/client.ts";
import { recordEvent, type NewEvent } from "../events/record.ts";
import { checkpointSigned, signCheckpoint, type CheckpointFields } from "./checkpoint-sign.ts";
import { GENESIS_HASH } from "./hash.ts";
import { verifyAfter, type Segment } from "./segment.ts";
import { fullWalk } from "./verify.ts";

export interface MadeCheckpoint {
  id: bigint;
  seq: bigint;
  at: Date;
}

export interface CheckpointOptions {
  /** Walk the whole log rather than from the newest checkpoint. */
  full: boolean;
  /** A break seen outside the database (a checkpoint this leader made is gone), in words. */
  gone?: string | null;
  log: (line: string) => void;
}

/** Signs the head when the log grew since the newest checkpoint, or when asked to walk it all. */
export async function makeCheckpoint(db: Db, key: string, opts: CheckpointOptions): Promise<MadeCheckpoint | null> {
  const [newest, latest] = await Promise.all([
    db.auditEntry.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } }),
    db.auditCheckpoint.findFirst({ orderBy: { id: "desc" } }),
  ]);
  if (!newest && !latest) return null;
  const head = newest ?? { seq: 0n, hash: GENESIS_HASH };
  const grown = !latest || latest.seq !== head.seq || latest.hash !== head.hash;
  if (!grown && !opts.full && !opts.gone) return null;
  // A checkpoint that is not signed cannot be walked from: the whole log is walked instead.
  const trusted = latest && checkpointSigned(key, latest) ? latest : null;
  const found: Segment = opts.full || !trusted ? await fullWalk(db, key) : await verifyAfter(db, key, trusted);
  let verdict = { verified: found.ok, brokenAt: found.brokenAt ?? null, note: found.reason ?? null };
  // A break once seen is carried on: later checkpoints must not vouch for the chain again.
  if (!opts.full && trusted && !trusted.verified) {
    const brokenAt = trusted.brokenAt === null ? null : Number(trusted.brokenAt);
    verdict = { verified: false, brokenAt, note: trusted.note };
  }
  if (opts.gone) verdict = { verified: false, brokenAt: verdict.brokenAt, note: opts.gone };
  const fields: CheckpointFields = {
    at: new Date(),
    seq: head.seq,
    hash: head.hash,
    verified: verdict.verified,
    brokenAt: verdict.brokenAt === null ? null : BigInt(verdict.brokenAt),
    note: verdict.note,
    fullWalk: opts.full,
  };
  const signature = signCheckpoint(key, fields);
  const made = await db.$transaction(async (tx) => {
    const row = await tx.auditCheckpoint.create({ data: { ...fields, signature }, select: { id: true } });
    await recordEvent(tx, checkpointEvent(row.id, fields, signature));
    return row;
  });
  const walked = opts.full ? ` after a full walk of ${found.entries} entries` : "";
  const at = verdict.brokenAt === null ? "" : ` at #${verdict.brokenAt}`;
  const state = fields.verified ? "verified" : `BROKEN${at}: ${fields.note}`;
  const what = `entry #${head.seq}, hash ${head.hash}, ${state}${walked}`;
  opts.log(`Audit checkpoint #${made.id}: ${what}; signature ${signature}.`);
  return { id: made.id, seq: head.seq, at: fields.at };
}

function checkpointEvent(id: bigint, c: CheckpointFields, signature: string): NewEvent {
  const summary = c.verified
    ? `Audit log checkpoint: entry #${c.seq}, hash ${c.hash.slice(0, 16)}…`
    : `Audit log broken${c.brokenAt === null ? "" : ` at #${c.brokenAt}`}: ${c.note}`;
  return {
    type: "audit.checkpoint",
    severity: c.verified ? "INFO" : "CRITICAL",
    summary,
    details: {
      checkpoint: Number(id),
      seq: Number(c.seq),
      hash: c.hash,
      at: c.at.toISOString(),
      verified: c.verified,
      brokenAt: c.brokenAt === null ? null : Number(c.brokenAt),
      fullWalk: c.fullWalk,
      signature,
    },
  };
}

// Verification from a checkpoint on: the entry it vouches for is still there and unchanged, and
// every entry after it follows. Entries before the checkpoint are not read (the full walk does).
import type { Db } from "../db/client.ts";
import { contentProblem, ENTRY_SELECT, START, walkFrom, type Walk } from "./walk.ts";

export interface Anchor {
  id: bigint;
  seq: bigint;
  hash: string;
}

export interface Segment extends Walk {
  /** Entries a checkpoint vouched for that are gone from the end of the log. */
  missing?: { from: number; through: number };
}

const broken = (brokenAt: bigint, reason: string): Segment => ({
  ok: false,
  brokenAt: Number(brokenAt),
  reason,
  entries: 0,
  head: START,
});

export async function verifyAfter(db: Db, key: string, anchor: Anchor): Promise<Segment> {
  const entry = await db.auditEntry.findUnique({ where: { seq: anchor.seq }, select: ENTRY_SELECT });
  if (!entry) {
    const newest = await db.auditEntry.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } });
    const after = newest?.seq ?? 0n;
    if (after > anchor.seq) {
      return broken(anchor.seq, `entry #${anchor.seq}, which checkpoint #${anchor.id} vouched for, is gone`);
    }
    const missing = { from: Number(after + 1n), through: Number(anchor.seq) };
    const reason =
      `entries #${missing.from}–#${missing.through} are gone from the end of the log: ` +
      `checkpoint #${anchor.id} vouched for #${anchor.seq}`;
    return { ...broken(after + 1n, reason), missing };
  }
  if (entry.hash !== anchor.hash) {
    return broken(anchor.seq, `entry #${anchor.seq} is not the one checkpoint #${anchor.id} vouched for`);
  }
  const edited = contentProblem(entry, key);
  if (edited) return broken(anchor.seq, edited);
  return walkFrom(db, key, { seq: entry.seq, hash: entry.hash, keyed: entry.keyed });
}

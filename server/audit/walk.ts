// Walks the audit chain forward from a known entry: each entry must point at the one before and
// hash (keyed, or plain SHA-256 before the key came in) to its stored hash. Stops at the first that
// does not, saying why.
import type { Db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { auditHash, auditHmac, GENESIS_HASH } from "./hash.ts";

const PAGE = 5_000;

/** An entry the walk starts after (START: before the first entry). */
export interface ChainPoint {
  seq: bigint;
  hash: string;
  keyed: boolean;
}

export const START: ChainPoint = { seq: 0n, hash: GENESIS_HASH, keyed: false };

export interface Walk {
  ok: boolean;
  brokenAt?: number;
  reason?: string;
  /** Entries that verified. */
  entries: number;
  /** The last entry that verified (`from` when none did). */
  head: ChainPoint;
}

export const ENTRY_SELECT = {
  seq: true,
  at: true,
  actor: true,
  action: true,
  target: true,
  reason: true,
  guards: true,
  outcome: true,
  details: true,
  prevHash: true,
  hash: true,
  keyed: true,
} as const;

type StoredEntry = Prisma.AuditEntryGetPayload<{ select: typeof ENTRY_SELECT }>;

/** Whether the entry's content hashes to its stored hash; null when it does. */
export function contentProblem(entry: StoredEntry, key: string): string | null {
  const { at, actor, action, target, reason, guards, outcome, details, prevHash } = entry;
  const fields = { at, actor, action, target, reason, guards, outcome, details, prevHash };
  const hash = entry.keyed ? auditHmac(key, fields) : auditHash(fields);
  return hash === entry.hash ? null : `entry #${entry.seq} does not match its hash: it was edited`;
}

function linkProblem(entry: StoredEntry, before: ChainPoint): string | null {
  if (entry.prevHash !== before.hash) {
    return `entry #${entry.seq} does not follow the entry before it: an entry was removed or replaced`;
  }
  // Unkeyed entries come only before the key: an unkeyed one after is a recomputed chain.
  if (before.keyed && !entry.keyed) return `entry #${entry.seq} is not keyed but follows keyed entries`;
  return null;
}

export async function walkFrom(db: Db, key: string, from: ChainPoint): Promise<Walk> {
  let head = from;
  let entries = 0;
  for (;;) {
    const page = await db.auditEntry.findMany({
      where: { seq: { gt: head.seq } },
      orderBy: { seq: "asc" },
      take: PAGE,
      select: ENTRY_SELECT,
    });
    for (const entry of page) {
      const reason = linkProblem(entry, head) ?? contentProblem(entry, key);
      if (reason) return { ok: false, brokenAt: Number(entry.seq), reason, entries, head };
      head = { seq: entry.seq, hash: entry.hash, keyed: entry.keyed };
      entries++;
    }
    if (page.length < PAGE) return { ok: true, entries, head };
  }
}

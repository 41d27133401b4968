// The full walk: every entry from the start, then every checkpoint against the entry it vouched
// for — so an entry edited before the newest checkpoint, or entries cut from the end of the log
// while a checkpoint remains, are found. Slow at scale (the nightly job and on demand); reads use
// the incremental status.ts.
import type { Db } from "../db/client.ts";
import { checkpointSigned } from "./checkpoint-sign.ts";
import { auditKey } from "./key.ts";
import type { Segment } from "./segment.ts";
import { START, walkFrom, type Walk } from "./walk.ts";

const PAGE = 5_000;

export async function fullWalk(db: Db, key: string): Promise<Segment> {
  const walk = await walkFrom(db, key, START);
  if (!walk.ok) return walk;
  return (await checkpointProblem(db, key, walk)) ?? walk;
}

async function checkpointProblem(db: Db, key: string, walk: Walk): Promise<Segment | null> {
  const { head } = walk;
  const fail = (reason: string, brokenAt?: bigint | null): Segment => ({
    ...walk,
    ok: false,
    reason,
    ...(brokenAt != null ? { brokenAt: Number(brokenAt) } : {}),
  });
  let gone: bigint | null = null;
  for (let after = 0n; ; ) {
    const page = await db.auditCheckpoint.findMany({
      where: { id: { gt: after } },
      orderBy: { id: "asc" },
      take: PAGE,
    });
    const seqs = page.map((c) => c.seq).filter((seq) => seq <= head.seq);
    const entries = await db.auditEntry.findMany({ where: { seq: { in: seqs } }, select: { seq: true, hash: true } });
    const hashAt = new Map(entries.map((e) => [e.seq, e.hash]));
    for (const c of page) {
      if (!checkpointSigned(key, c)) return fail(`checkpoint #${c.id} is not signed by this console's audit key`);
      // A break the leader saw stays a break, even once what showed it is gone too.
      if (!c.verified) return fail(`checkpoint #${c.id} recorded a break: ${c.note ?? "no reason given"}`, c.brokenAt);
      if (c.seq > head.seq) gone = gone === null || c.seq > gone ? c.seq : gone;
      else if (hashAt.get(c.seq) !== c.hash) {
        return fail(`entry #${c.seq} is not the one checkpoint #${c.id} vouched for`, c.seq);
      }
    }
    if (page.length < PAGE) break;
    after = page.at(-1)!.id;
  }
  if (gone === null) return null;
  const missing = { from: Number(head.seq + 1n), through: Number(gone) };
  const reason = `entries #${missing.from}–#${missing.through} are gone from the end of the log`;
  const segment = fail(reason, head.seq + 1n);
  return { ...segment, missing };
}

export interface ChainVerdict {
  verified: boolean;
  brokenAt?: number;
  missing?: { from: number; through: number };
  reason?: string;
  entries: number;
}

export const verdictOf = (walk: Segment): ChainVerdict => ({
  verified: walk.ok,
  entries: walk.entries,
  ...(walk.brokenAt !== undefined ? { brokenAt: walk.brokenAt } : {}),
  ...(walk.missing ? { missing: walk.missing } : {}),
  ...(walk.reason ? { reason: walk.reason } : {}),
});

// Callers asking at once share one walk: a full walk reads the whole log.
const running = new WeakMap<Db, Promise<Segment>>();

export function walkWhole(db: Db): Promise<Segment> {
  const current = running.get(db);
  if (current) return current;
  const walk = fullWalk(db, auditKey()).finally(() => running.delete(db));
  running.set(db, walk);
  return walk;
}

export const verifyChain = (db: Db): Promise<ChainVerdict> => walkWhole(db).then(verdictOf);

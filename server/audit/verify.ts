// Walks the audit chain from the start: each entry must point at the previous entry's hash and
// hash to its own stored hash. The first entry that does not is where the chain is broken.
import type { Db } from "../db/client.ts";
import { auditHash, GENESIS_HASH } from "./hash.ts";

const PAGE = 5_000;

export interface ChainStatus {
  verified: boolean;
  brokenAt?: number;
  entries: number;
}

export async function verifyChain(db: Db): Promise<ChainStatus> {
  let prevHash = GENESIS_HASH;
  let after = -1n;
  let entries = 0;
  for (;;) {
    const page = await db.auditEntry.findMany({ where: { seq: { gt: after } }, orderBy: { seq: "asc" }, take: PAGE });
    for (const entry of page) {
      const fields = { at: entry.at, actor: entry.actor, action: entry.action, target: entry.target, reason: entry.reason, guards: entry.guards, outcome: entry.outcome, details: entry.details, prevHash: entry.prevHash };
      if (entry.prevHash !== prevHash || auditHash(fields) !== entry.hash) return { verified: false, brokenAt: Number(entry.seq), entries: entries + 1 };
      prevHash = entry.hash;
      entries++;
    }
    if (page.length < PAGE) return { verified: true, entries };
    after = page.at(-1)!.seq;
  }
}

// When the leader checkpoints the audit chain: as its term begins and then every minute, whenever
// the log grew; and a full walk of the whole log every 24 hours (at once when none was ever made),
// whose result the checkpoint records. It also remembers the last checkpoint it made, so one that
// disappears from the database is reported even when everything after it went too.
import type { Db } from "../db/client.ts";
import { makeCheckpoint, type MadeCheckpoint } from "./checkpoint.ts";
import { auditKey } from "./key.ts";

export const FULL_WALK_EVERY_MS = 24 * 3_600_000;

export interface CheckpointScope {
  epoch: number;
  db: Db;
}

export class AuditCheckpoints {
  private epoch: number | null = null;
  private lastCheckAt = 0;
  private lastFullAt: number | null = null;
  private lastMade: MadeCheckpoint | null = null;

  constructor(
    private readonly opts: { everyMs: number; log: (line: string) => void; fullWalkEveryMs?: number },
    private readonly now: () => number = Date.now,
  ) {}

  async tick(term: CheckpointScope) {
    const begun = term.epoch !== this.epoch;
    if (begun) {
      const last = await term.db.auditCheckpoint.findFirst({
        where: { fullWalk: true },
        orderBy: { id: "desc" },
        select: { at: true },
      });
      this.lastFullAt = last?.at.getTime() ?? null;
    }
    const at = this.now();
    const full = this.lastFullAt === null || at - this.lastFullAt >= (this.opts.fullWalkEveryMs ?? FULL_WALK_EVERY_MS);
    if (!begun && !full && at - this.lastCheckAt < this.opts.everyMs) return;
    const gone = await this.gone(term.db);
    const made = await makeCheckpoint(term.db, auditKey(), { full, gone, log: this.opts.log });
    this.epoch = term.epoch;
    this.lastCheckAt = at;
    if (full) this.lastFullAt = at;
    if (made) this.lastMade = made;
  }

  private async gone(db: Db): Promise<string | null> {
    const last = this.lastMade;
    if (!last || (await db.auditCheckpoint.count({ where: { id: last.id } }))) return null;
    return `checkpoint #${last.id} (entry #${last.seq}), made by this leader at ${last.at.toISOString()}, is gone`;
  }
}

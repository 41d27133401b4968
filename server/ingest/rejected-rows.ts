// Rows the database refused and the leader set aside, counted per node (or cluster) for the
// leader record, and told in the log once per node with the database's reason: a storm of one
// line per batch would bury the reason, and silence would hide the loss.
import type { Log } from "../../lib/log.ts";
export class RejectedRows {
  private readonly counts = new Map<string, number>();

  constructor(
    private readonly log: Log,
    /** The node's (or cluster's) name for an id; the id itself once it is gone from the fleet. */
    private readonly nameOf: (id: string) => string | undefined,
  ) {}

  add(ownerId: string, kind: string, reason: string) {
    const owner = this.nameOf(ownerId) ?? ownerId;
    const seen = this.counts.get(owner) ?? 0;
    this.counts.set(owner, seen + 1);
    if (seen > 0) return;
    this.log(
      `The database refused a row of ${kind} of ${owner} (${reason}); set it aside and stored the rest. ` +
        `Further refused rows of ${owner} are only counted (rejectedRows in the leader record).`,
      { level: "error" },
    );
  }

  /** Set-aside rows per node (or cluster) name since this instance started. */
  byOwner(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
}

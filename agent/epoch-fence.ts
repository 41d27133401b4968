// A fencing token against a paused console leader: the newest leadership epoch any console has
// shown this agent. An action from an older epoch comes from a leader that was paused or cut off
// while another took over, and is refused; an action without one (an operator's curl) is not judged.
//
// Kept in memory, like the idempotency cache: the console fences its own writes with its lease and
// stops calling agents once it cannot trust its lease, so this guards only the last call a paused
// leader had already decided on, which arrives within one agent process's life. An agent restarted
// in that window forgets both the epoch and the answers it gave, and the new leader's next call
// teaches it the epoch again.
export class EpochFence {
  private newest: number | null = null;

  /** Null to go ahead (the epoch is remembered when it is the newest), or why the action is refused. */
  admit(epoch: number | undefined): string | null {
    if (epoch === undefined) return null;
    const newest = this.newest;
    if (newest !== null && epoch < newest) return `stale leader: epoch ${epoch} is older than ${newest}`;
    this.newest = epoch;
    return null;
  }
}

// An agent changes its node one action at a time: a demote (stop, pg_rewind, start) that outlasts
// the console's wait must never interleave with the next request on the same data directory; the
// next one starts when the one before it has ended, however it ended.
export class OneAtATime {
  private last: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.last.then(work, work);
    this.last = next.catch(() => undefined);
    return next;
  }
}

// Action results by idempotency key: the same id twice runs once and returns the first answer,
// even when the second request arrives while the first is still running. Bounded.
export class IdempotencyCache<T> {
  private readonly results = new Map<string, Promise<T>>();

  constructor(private readonly capacity = 10_000) {}

  run(id: string, work: () => Promise<T>): Promise<T> {
    const known = this.results.get(id);
    if (known) return known;
    const result = work();
    this.results.set(id, result);
    if (this.results.size > this.capacity) {
      const oldest = this.results.keys().next().value;
      if (oldest !== undefined) this.results.delete(oldest);
    }
    return result;
  }
}

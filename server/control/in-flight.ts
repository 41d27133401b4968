// Work per id that a loop starts on every tick but must never run twice at once (an action, a
// drill): started in the background, its failure logged, its id free again when it ends.
export class InFlight {
  private readonly running = new Set<string>();

  constructor(
    private readonly label: string,
    private readonly log: (line: string) => void,
  ) {}

  start(id: string, work: (id: string) => Promise<void>) {
    if (this.running.has(id)) return;
    this.running.add(id);
    void work(id)
      .catch((error: unknown) =>
        this.log(`${this.label} ${id}: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => this.running.delete(id));
  }

  get size(): number {
    return this.running.size;
  }
}

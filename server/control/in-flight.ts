// Work per id that a loop starts on every tick but must never run twice at once (an action, a
// drill): started in the background, its failure logged, its id free again when it ends.
import type { Log } from "../../lib/log.ts";

export class InFlight {
  private readonly running = new Set<string>();

  constructor(
    private readonly label: "Action" | "Drill",
    private readonly log: Log,
  ) {}

  start(id: string, work: (id: string) => Promise<void>) {
    if (this.running.has(id)) return;
    this.running.add(id);
    void work(id)
      .catch((error: unknown) =>
        this.log(`${this.label} ${id}: ${error instanceof Error ? error.message : String(error)}`, {
          level: "error",
          [this.label === "Action" ? "action" : "drill"]: id,
        }),
      )
      .finally(() => this.running.delete(id));
  }

  get size(): number {
    return this.running.size;
  }
}

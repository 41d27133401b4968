// The control loop's long-lived work as a table of tasks, each with its cadence. A task runs again
// its interval after it finished, so it never overlaps itself. Every failure is logged: a lost
// database session once per streak (it fails every run until the database is back), anything
// else every time, so a fault in a task never hides behind a flaky connection.
import type { Log } from "../../lib/log.ts";
import { isConnectionError } from "../db/connection-error.ts";
import { LostLeadership } from "./fence.ts";

export interface Task {
  name: string;
  /** Milliseconds from the end of one run to the start of the next; read again after every run. */
  every: number | (() => number);
  run(): Promise<void>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function runTasks(tasks: Task[], log: Log): { stop(): void } {
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const schedule = (task: Task) => {
    let sessionLost = false;
    const run = async () => {
      if (stopped) return;
      try {
        await task.run();
        if (sessionLost) log(`${task.name}: database session back`);
        sessionLost = false;
      } catch (error) {
        const lost = !(error instanceof LostLeadership) && isConnectionError(error);
        if (!lost || !sessionLost)
          log(`${task.name}: ${lost ? "database session lost: " : ""}${message(error)}`, {
            level: lost ? "warn" : "error",
          });
        sessionLost = lost;
      }
      if (stopped) return;
      const timer = setTimeout(
        () => {
          timers.delete(timer);
          void run();
        },
        typeof task.every === "number" ? task.every : task.every(),
      );
      timers.add(timer);
    };
    void run();
  };
  for (const task of tasks) schedule(task);
  return {
    stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
    },
  };
}

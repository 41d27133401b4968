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

export interface RunningTasks {
  stop(): void;
  /** Tasks whose run is overdue by more than `graceMs` (stuck in a run, or never run again): a loop not alive. */
  stalled(graceMs: number): string[];
}

export function runTasks(tasks: Task[], log: Log, now: () => number = Date.now): RunningTasks {
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  /** When each task's current or next run was due; a run in progress keeps the time it began. */
  const dueAt = new Map<string, number>();
  const schedule = (task: Task) => {
    let sessionLost = false;
    const run = async () => {
      if (stopped) return;
      dueAt.set(task.name, now());
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
      const every = typeof task.every === "number" ? task.every : task.every();
      dueAt.set(task.name, now() + every);
      const timer = setTimeout(() => {
        timers.delete(timer);
        void run();
      }, every);
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
    stalled(graceMs) {
      const late = now() - graceMs;
      return [...dueAt].filter(([, due]) => due < late).map(([name]) => name);
    },
  };
}

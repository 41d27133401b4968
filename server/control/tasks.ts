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
  /** Runs the named task now rather than at its next turn (once more right after, if it is running). */
  nudge(name: string): void;
  /** Tasks whose run is overdue by more than `graceMs` (stuck in a run, or never run again): a loop not alive. */
  stalled(graceMs: number): string[];
}

export function runTasks(tasks: Task[], log: Log, now: () => number = Date.now): RunningTasks {
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  /** Per task, how to run it now: clears its pending turn, or asks for one more run after the current one. */
  const nudges = new Map<string, () => void>();
  /** When each task's current or next run was due; a run in progress keeps the time it began. */
  const dueAt = new Map<string, number>();
  const schedule = (task: Task) => {
    let sessionLost = false;
    let running = false;
    let again = false;
    let pending: NodeJS.Timeout | null = null;
    const turn = (every: number) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        pending = null;
        void run();
      }, every);
      timers.add(timer);
      pending = timer;
    };
    // The nudged run waits for what its caller is doing now to finish (a poll round still buffering).
    nudges.set(task.name, () => {
      if (running) again = true;
      else if (pending) {
        clearTimeout(pending);
        timers.delete(pending);
        turn(0);
      }
    });
    const run = async () => {
      if (stopped) return;
      running = true;
      again = false;
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
      running = false;
      if (stopped) return;
      const every = again ? 0 : typeof task.every === "number" ? task.every : task.every();
      dueAt.set(task.name, now() + every);
      turn(every);
    };
    void run();
  };
  for (const task of tasks) schedule(task);
  return {
    stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
    },
    nudge(name) {
      if (!stopped) nudges.get(name)?.();
    },
    stalled(graceMs) {
      const late = now() - graceMs;
      return [...dueAt].filter(([, due]) => due < late).map(([name]) => name);
    },
  };
}

// The control loop's long-lived work as a table of tasks, each with its cadence. A task runs again
// its interval after it finished, so it never overlaps itself; a failure is logged, unless it is a
// lost database session (the leadership task reports those once).
import { isConnectionError } from "../db/connection-error.ts";
import { LostLeadership } from "./fence.ts";

export interface Task {
  name: string;
  /** Milliseconds from the end of one run to the start of the next; read again after every run. */
  every: number | (() => number);
  run(): Promise<void>;
}

export function runTasks(tasks: Task[], log: (line: string) => void): { stop(): void } {
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const schedule = (task: Task) => {
    const run = async () => {
      if (stopped) return;
      try {
        await task.run();
      } catch (error) {
        if (error instanceof LostLeadership || !isConnectionError(error)) {
          log(`${task.name}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      if (stopped) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        void run();
      }, typeof task.every === "number" ? task.every : task.every());
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

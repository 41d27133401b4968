import { setImmediate as settle } from "node:timers/promises";
import { expect, it } from "vitest";
import { runTasks } from "./tasks.ts";

it("names a task stalled once its run is overdue by more than the grace, stuck in a run or never run again", async () => {
  let clock = 1_000_000;
  const stuck = new Promise<void>(() => undefined);
  const tasks = runTasks(
    [
      { name: "Quick", every: 60_000, run: async () => undefined },
      { name: "Stuck", every: 60_000, run: () => stuck },
    ],
    () => undefined,
    () => clock,
  );
  await settle();
  clock += 30_000;
  expect(tasks.stalled(60_000)).toEqual([]);
  clock += 40_000;
  expect(tasks.stalled(60_000)).toEqual(["Stuck"]);
  // Quick's next run, due a minute after its first, never came (as when the event loop is starved).
  clock += 60_000;
  expect(tasks.stalled(60_000)).toEqual(["Quick", "Stuck"]);
  tasks.stop();
});

it("runs a nudged task at once instead of at its turn, and once more after a run the nudge arrived in", async () => {
  let runs = 0;
  let release: () => void = () => undefined;
  const tasks = runTasks(
    [
      {
        name: "Slow turn",
        every: 60_000,
        run: () => {
          runs += 1;
          return runs === 2 ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
        },
      },
    ],
    () => undefined,
  );
  await settle();
  expect(runs).toBe(1);
  tasks.nudge("Slow turn");
  expect(runs).toBe(1);
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect(runs).toBe(2);
  tasks.nudge("Slow turn");
  tasks.nudge("Slow turn");
  release();
  await new Promise((resolve) => setTimeout(resolve, 10));
  expect(runs).toBe(3);
  tasks.nudge("No such task");
  tasks.stop();
});

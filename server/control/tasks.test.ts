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

// `npm run drill:real`'s MariaDB rows: a primary crash under a writer (async, and semi-sync AFTER_SYNC),
// a node lost outright, a 2 s stall of a semi-sync primary and a switchover, each on a fresh pair of
// Debian's MariaDB 10.11 behind HAProxy, measured as the PostgreSQL rows are.
import { crashDrill } from "./crash-drill.ts";
import { loseNode, switchOver } from "./lost-node.ts";
import { startMariadbPair } from "./mariadb-pair.ts";
import type { WithRig } from "./rig.ts";
import { stallUnderWriter } from "./stall-writes.ts";

const ms = (value: number | null) => (value === null ? "–" : `${value} ms`);
const within = (value: number | null, target: number) => (value !== null && value <= target ? "PASS" : "FAIL");

export async function mariadbRows(withRig: WithRig): Promise<string[][]> {
  const rows: string[][] = [];
  for (const sync of [false, true]) {
    const r = await withRig(sync, crashDrill, startMariadbPair);
    const mode = sync ? "semi-sync" : "async";
    // Async: acknowledged writes the replica never received are lost, and the old primary's rejoin refused.
    const lost = sync && r.lostRows > 0 ? ", rows lost" : "";
    const rejoin = r.restoredAsStandby ? "" : ", rejoin refused (errant GTIDs)";
    rows.push([
      `MariaDB primary crash, agent alive, ${mode}`,
      ms(r.detectionMs),
      ms(r.writerRtoMs),
      `${r.lostRows} of ${r.ackedRows}`,
      `${r.rpoBytes ?? "–"} B`,
      sync ? "writes ≤ 1.5 s, 0 rows lost" : "writes ≤ 1.5 s",
      `${within(r.writerRtoMs, 1_500)}${lost}${rejoin} (drill ${r.verdict ?? "–"})`,
    ]);
  }
  const lost = await withRig(false, loseNode, startMariadbPair);
  rows.push([
    "MariaDB node lost (agent + server killed), async",
    ms(lost.detectionMs),
    ms(lost.rtoMs),
    "–",
    "–",
    "writes ≤ 3 s",
    lost.action?.status === "SUCCEEDED" ? within(lost.rtoMs, 3_000) : "FAIL: no failover",
  ]);
  const stall = await withRig(true, (rig) => stallUnderWriter(rig, 2_000), startMariadbPair);
  const quiet = stall.actions === 0 && stall.node.state === "HEALTHY";
  rows.push([
    "MariaDB 2 s stall (SIGSTOP, SIGCONT), semi-sync",
    "–",
    "–",
    `${stall.lost} of ${stall.acked}`,
    "–",
    "no failover, 0 rows lost",
    quiet && stall.lost === 0
      ? `PASS (${stall.events.join(", ")})`
      : quiet
        ? "FAIL: rows lost"
        : "FAIL: it failed over",
  ]);
  const switched = await withRig(false, switchOver, startMariadbPair);
  rows.push([
    "MariaDB switchover, async",
    "–",
    "–",
    `${switched.lost} of ${switched.acked}`,
    "–",
    "old primary replicates, 0 lost",
    switched.action.status !== "SUCCEEDED"
      ? `FAIL: ${switched.action.outcome}`
      : switched.streaming && switched.lost === 0
        ? "PASS"
        : "FAIL",
  ]);
  return rows;
}

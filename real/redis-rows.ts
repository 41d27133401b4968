// `npm run drill:real`'s Redis rows: a Redis 7.0 pair behind HAProxy through the same rig — the
// primary crash (async, and sync with WAIT-acknowledged writes), a node lost with its agent, a 2 s
// stall under a writer, a switchover, and a Sentinel-managed pair whose failover asks Sentinel.
import { crashDrill, type CrashDrillResult } from "./crash-drill.ts";
import { loseNode, switchOver } from "./lost-node.ts";
import { startPair, startSentinelPair } from "./redis-pair.ts";
import type { WithRig } from "./rig.ts";
import { stallUnderWriter } from "./stall-writes.ts";

/** Writes resumed after a lost node, the target for Redis. */
const RESUME_MS = 2_500;

const ms = (value: number | null) => (value === null ? "–" : `${value} ms`);
const within = (value: number | null, target: number) => (value !== null && value <= target ? "PASS" : "FAIL");

function crashRow(scenario: string, r: CrashDrillResult, target: string, verdict: string): string[] {
  if (r.verdict !== "PASS") console.log(`${scenario}: drill ${r.verdict}: ${r.verdictDetail}`);
  const rows = `${r.lostRows} of ${r.ackedRows}`;
  return [scenario, ms(r.detectionMs), ms(r.writerRtoMs), rows, `${r.rpoBytes ?? "–"} B`, target, verdict];
}

export async function redisRows(withRig: WithRig): Promise<string[][]> {
  const rows: string[][] = [];
  const drill = (r: CrashDrillResult) => ` (drill ${r.verdict ?? "–"})`;
  const async = await withRig(false, crashDrill, startPair);
  const target = `writes ≤ ${RESUME_MS / 1000} s`;
  rows.push(
    crashRow(
      "Redis: primary crash, agent alive, async",
      async,
      target,
      within(async.writerRtoMs, RESUME_MS) + drill(async),
    ),
  );
  const sync = await withRig(true, crashDrill, startPair);
  // WAIT 1 cannot be answered by a master alone: writes resume once the old master is back as its replica.
  const kept = sync.lostRows === 0 && sync.verdict === "PASS" ? "PASS" : "FAIL";
  rows.push(crashRow("Redis: primary crash, sync (WAIT 1)", sync, "0 acknowledged writes lost", kept + drill(sync)));
  const lost = await withRig(false, loseNode, startPair);
  const lostVerdict = lost.action?.status === "SUCCEEDED" ? within(lost.rtoMs, RESUME_MS) : "FAIL: no failover";
  rows.push([
    "Redis: node lost (agent + redis-server killed)",
    ms(lost.detectionMs),
    ms(lost.rtoMs),
    "–",
    "–",
    target,
    lostVerdict,
  ]);
  const stall = await withRig(true, (rig) => stallUnderWriter(rig, 2_000), startPair);
  const calm = stall.actions === 0 && stall.node.state === "HEALTHY" && stall.lost === 0;
  const stallVerdict = calm
    ? `PASS (${stall.events.join(", ")})`
    : `FAIL: ${stall.actions} actions, ${stall.lost} lost`;
  const stallRows = `${stall.lost} of ${stall.acked}`;
  rows.push(["Redis: 2 s stall, sync (WAIT 1)", "–", "–", stallRows, "–", "no failover, 0 lost", stallVerdict]);
  const sentinel = await withRig(false, crashDrill, startSentinelPair);
  const through = within(sentinel.writerRtoMs, 5_000) + drill(sentinel);
  rows.push(crashRow("Redis, Sentinel-managed: failover through Sentinel", sentinel, "writes ≤ 5 s", through));
  for (const [scenario, start] of [
    ["Redis: switchover, async", startPair],
    ["Redis, Sentinel-managed: switchover through Sentinel", startSentinelPair],
  ] as const) {
    const over = await withRig(false, switchOver, start);
    const back =
      over.action.status !== "SUCCEEDED"
        ? `FAIL: ${over.action.outcome}`
        : over.streaming && over.lost === 0
          ? "PASS"
          : "FAIL";
    rows.push([scenario, "–", "–", `${over.lost} of ${over.acked}`, "–", "old master its replica, 0 lost", back]);
  }
  return rows;
}

// `npm run drill:real`'s rows for client routes and hooks on a PostgreSQL pair: a switchover and a
// primary crash with PgBouncer in front (the writer goes through the pool), and a primary crash
// whose write name lives in Knot DNS with a command hook and an http hook, their effects checked.
import type { CrashDrillResult } from "./crash-drill.ts";
import type { WithRig } from "./rig.ts";
import { dnsAndHooksCrash, pgbouncerCrash, pgbouncerSwitchover } from "./routed-drills.ts";

/** The targets: a switchover's pause through PgBouncer, the DNS answer after the promotion. */
const PAUSE_MS = 2_000;
const DNS_MS = 1_000;
/** A crash through the pool: the drill's writer target plus PgBouncer's 1 s server_login_retry. */
const POOL_CRASH_MS = 2_500;

const ms = (value: number | null) => (value === null ? "–" : `${value} ms`);

function crashRow(scenario: string, r: CrashDrillResult, target: string, pass: boolean, note: string): string[] {
  if (r.verdict !== "PASS") console.log(`${scenario}: drill ${r.verdict}: ${r.verdictDetail}`);
  const verdict = `${pass && r.verdict === "PASS" ? "PASS" : "FAIL"} (${note}; drill ${r.verdict ?? "–"})`;
  return [
    scenario,
    ms(r.detectionMs),
    ms(r.writerRtoMs),
    `${r.lostRows} of ${r.ackedRows}`,
    `${r.rpoBytes ?? "–"} B`,
    target,
    verdict,
  ];
}

export async function routedRows(withRig: WithRig): Promise<string[][]> {
  const rows: string[][] = [];
  const switched = await pgbouncerSwitchover(withRig);
  const wait = switched.longestWaitMs;
  const clean =
    switched.action.status === "SUCCEEDED" &&
    switched.notDone.length === 0 &&
    switched.failed === 0 &&
    switched.lost === 0;
  rows.push([
    "switchover through PgBouncer, async",
    "–",
    ms(wait),
    `${switched.lost} of ${switched.acked}`,
    "–",
    `0 failed tx, pause < ${PAUSE_MS / 1000} s`,
    `${clean && wait !== null && wait < PAUSE_MS ? "PASS" : "FAIL"} (${switched.failed} failed tx)`,
  ]);
  const pooled = await pgbouncerCrash(withRig);
  const d = pooled.drill;
  rows.push(
    crashRow(
      "primary crash through PgBouncer, async",
      d,
      `writes ≤ ${POOL_CRASH_MS / 1000} s`,
      d.writerRtoMs !== null && d.writerRtoMs <= POOL_CRASH_MS && pooled.notDone.length === 0,
      `${d.failedWrites} failed tx`,
    ),
  );
  const named = await dnsAndHooksCrash(withRig);
  const dns = named.dnsAfterPromotionMs;
  const newPrimary = named.drill.newPrimary;
  const hooksSaw =
    named.commandSaw.length === 1 &&
    named.commandSaw[0]?.startsWith(`${newPrimary} `) === true &&
    named.httpSaw.length === 1 &&
    named.httpSaw[0]?.newPrimary?.name === newPrimary;
  rows.push(
    crashRow(
      "primary crash, write name in DNS, command + http hooks",
      named.drill,
      `DNS ≤ ${DNS_MS / 1000} s after promotion`,
      dns !== null && dns <= DNS_MS && named.answer.length === 1 && hooksSaw && named.notDone.length === 0,
      `DNS answered ${named.answer.join(", ")} ${ms(dns)} after the promotion; hooks ${hooksSaw ? "saw" : "missed"} it`,
    ),
  );
  return rows;
}

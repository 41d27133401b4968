// Starts the drills whose schedule is due, on the leader: unattended, as "system", within the
// same pre-checks as any drill. A due run that cannot start (a blocked window, a failing
// pre-check, or a run missed by more than a grace period while no leader was there to start it,
// so a 03:00 drill never starts at peak time) is skipped with its reason and an event; the
// schedule moves on to its next run.
import type { Log } from "../../lib/log.ts";
import { ActionError } from "../actions/errors.ts";
import { SYSTEM_ACTOR } from "../actions/request.ts";
import type { Db } from "../db/client.ts";
import { duration } from "../../lib/format.ts";
import { recordEvent } from "../events/record.ts";
import { startDrill } from "./request.ts";
import { blockedAt, describeCron, nextRun, parseCron, type BlockedWindow } from "./schedule-rules.ts";
import { apiScenario } from "./scenario-names.ts";

export const SCHEDULE_GRACE_MS = 10 * 60_000;

export async function runDueSchedules(db: Db, now = new Date(), log: Log = () => undefined) {
  const rows = await db.drillSchedule.findMany({
    where: { enabled: true, nextRunAt: { lte: now } },
    select: {
      clusterId: true,
      cron: true,
      scenario: true,
      blocked: true,
      nextRunAt: true,
      cluster: { select: { name: true } },
    },
  });
  const due = rows.map((row) => ({ ...row, scenario: apiScenario(row.scenario) }));
  for (const schedule of due) {
    const blocked = schedule.blocked as BlockedWindow[];
    const next = nextRun(parseCron(schedule.cron), now, blocked);
    // Claim this run: another leader (or a slow tick) that read the same row updates nothing.
    const claimed = await db.drillSchedule.updateMany({
      where: { clusterId: schedule.clusterId, nextRunAt: schedule.nextRunAt },
      data: { nextRunAt: next, lastRunAt: now },
    });
    if (claimed.count === 0) continue;
    const name = schedule.cluster.name;
    const window = blockedAt(now, blocked);
    const late = now.getTime() - (schedule.nextRunAt?.getTime() ?? now.getTime());
    let skip: string | null = window
      ? `inside the blocked window ${window.from} – ${window.to}${window.reason ? ` (${window.reason})` : ""}`
      : late > SCHEDULE_GRACE_MS
        ? `missed its time (${schedule.nextRunAt?.toISOString()}) by ${duration(late)}: no console was leading then`
        : null;
    if (!skip) {
      try {
        const reason = `scheduled drill (${describeCron(schedule.cron)})`;
        const request = { scenario: schedule.scenario, reason, confirm: name, stopConditions: {} };
        const drill = await startDrill(db, SYSTEM_ACTOR, name, request, { unattended: true, scheduled: true });
        await db.drillSchedule.update({
          where: { clusterId: schedule.clusterId },
          data: { lastDrillId: drill.id, lastSkip: null },
        });
        log(`Scheduled ${schedule.scenario} drill of ${name} started (${drill.id}).`, {
          cluster: name,
          drill: drill.id,
        });
      } catch (error) {
        if (!(error instanceof ActionError)) throw error;
        skip = error.message;
      }
    }
    if (skip) {
      await db.drillSchedule.update({ where: { clusterId: schedule.clusterId }, data: { lastSkip: skip } });
      await recordEvent(db, {
        type: "drill.skipped",
        severity: "WARNING",
        clusterId: schedule.clusterId,
        summary: `${name}: scheduled ${schedule.scenario} drill not started: ${skip}`,
        details: { scenario: schedule.scenario },
      });
      log(`Scheduled drill of ${name} skipped: ${skip}`, { level: "warn", cluster: name });
    }
  }
}

// Ends a drill once its restore is over: its figures, each target's pass or fail, the verdict,
// a "drill.result" event (a webhook for whoever subscribes) and the audit entry.
import { appendAudit } from "../audit/append.ts";
import type { Db } from "../db/client.ts";
import { duration } from "../../lib/format.ts";
import { recordEvent } from "../events/record.ts";
import { measureDrill } from "./measure-load.ts";
import { checkTargets, targetsOf } from "./verdict.ts";
import { toJson } from "../db/json.ts";
import { readDrillParams } from "./stored.ts";
import { apiScenario } from "./scenario-names.ts";

export async function finishDrill(db: Db, id: string) {
  const row = await db.drill.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      clusterId: true,
      scenario: true,
      params: true,
      injectedAt: true,
      abortRequestedAt: true,
      abortReason: true,
      status: true,
      startedAt: true,
      cluster: {
        select: {
          name: true,
          mode: true,
          rtoTargetMs: true,
          rpoBudgetBytes: true,
          rpoBudgetSeconds: true,
          intervalMs: true,
          timeoutMs: true,
          failureThreshold: true,
        },
      },
      phases: { orderBy: { seq: "asc" }, select: { name: true, status: true, startedAt: true, detail: true } },
    },
  });
  const drill = { ...row, scenario: apiScenario(row.scenario) };
  if (drill.status !== "RUNNING") return;
  const now = new Date();
  const restoreStart = drill.phases.find((p) => p.name === "restore")?.startedAt ?? now;
  const measurements = await measureDrill(db, drill, restoreStart);
  const { cluster } = drill;
  const targets = targetsOf(cluster);
  const checks = measurements ? checkTargets(measurements, targets, cluster.mode === "ACTIVE_PASSIVE") : [];
  const failedPhase = drill.phases.find((p) => p.status === "FAILED");
  const restored = drill.phases.find((p) => p.name === "restore")?.status !== "FAILED";
  const verdict = drill.abortRequestedAt ? "ABORTED" : failedPhase || checks.some((c) => !c.ok) ? "FAIL" : "PASS";
  const detail = [
    drill.abortRequestedAt ? `Aborted: ${drill.abortReason}` : null,
    failedPhase ? `${failedPhase.name} failed: ${failedPhase.detail}` : null,
    ...checks.filter((c) => !c.ok).map((c) => `${c.id}: ${c.reason}`),
    verdict === "PASS" ? checks.map((c) => c.reason).join("; ") : null,
    restored ? null : "The cluster was NOT restored; see the restore phase.",
  ]
    .filter((part): part is string => Boolean(part))
    // One full stop between sentences, whatever each part ended with.
    .map((part) => part.replace(/\.+$/, ""))
    .join(". ");
  const status = verdict === "PASS" ? "SUCCEEDED" : verdict === "FAIL" ? "FAILED" : "ABORTED";
  const took = drill.startedAt ? ` in ${duration(now.getTime() - drill.startedAt.getTime())}` : "";
  const params = readDrillParams(drill.params);
  await db.$transaction(async (tx) => {
    const claimed = await tx.drill.updateMany({
      where: { id, status: "RUNNING" },
      data: { status, verdict, verdictDetail: detail, finishedAt: now, measurements: toJson(measurements ?? {}) },
    });
    if (claimed.count === 0) return;
    await recordEvent(tx, {
      type: "drill.result",
      severity: verdict === "PASS" ? "INFO" : restored ? "WARNING" : "CRITICAL",
      clusterId: drill.clusterId,
      drillId: id,
      summary: `${cluster.name}: ${drill.scenario} drill ${verdict.toLowerCase()}${took}${detail ? `. ${detail}` : ""}`,
      details: toJson({
        drill: id,
        scenario: drill.scenario,
        verdict,
        measurements: measurements ?? null,
        faults: params.faults,
      }),
    });
    await appendAudit(tx, {
      actorId: null,
      actor: "system",
      action: "drill.finish",
      target: cluster.name,
      outcome: verdict.toLowerCase(),
      details: { drill: id, detail },
    });
  });
}

// How an action stops at a failed step: the failure and what follows it stored in one transaction
// (the rollback appended, or the action failed), and its outcome in words from the stored steps.
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client.ts";
import { actionAudit as audit, actionEvent as event, type RunningAction } from "./records.ts";
import { clusterStateInWords } from "./steps.ts";
import { toJson } from "../db/json.ts";
import { readStepSpec } from "./stored-step.ts";
import type { StepSpec } from "./types.ts";

type Finished = { finishedAt: Date; detail: string };

const runsOnFailure = (spec: StepSpec) => (spec.kind === "hook" || spec.kind === "route") && spec.onFailure === true;

async function failureOutcome(db: Db, action: RunningAction): Promise<{ outcome: string; rolledBack: boolean }> {
  const steps = await db.actionStep.findMany({
    where: { actionId: action.id },
    orderBy: { seq: "asc" },
    select: { name: true, status: true, detail: true, spec: true },
  });
  const failed = steps.find((step) => step.status === "FAILED");
  const rollback = steps.filter((step) => readStepSpec(step.spec).isRollback && step.status !== "SKIPPED");
  const rollbackFailed = rollback.find((step) => step.status === "FAILED");
  const rolledBack = rollback.length > 0 && !rollbackFailed;
  const ran = steps.filter(
    (step) => runsOnFailure(readStepSpec(step.spec)) && step.status !== "PENDING" && step.status !== "SKIPPED",
  );
  const onFailure = ran.map((step) => `${step.name}: ${step.status === "FAILED" ? "failed, " : ""}${step.detail}`);
  const parts = [
    failed ? `Stopped at "${failed.name}": ${failed.detail}.` : "Stopped.",
    rollbackFailed
      ? `The rollback stopped at "${rollbackFailed.name}": ${rollbackFailed.detail}.`
      : rolledBack
        ? `Rolled back: ${rollback.map((step) => step.detail).join("; ")}.`
        : null,
    onFailure.length ? `On failure: ${onFailure.join("; ")}.` : null,
    `The cluster now: ${await clusterStateInWords(db, action.clusterId)}.`,
  ];
  return { outcome: parts.filter(Boolean).join(" "), rolledBack };
}

/**
 * One transaction: the step fails, the steps after it are skipped and the rollback's appended, so
 * a new leader resuming the action runs only the rollback, never a step past the failure.
 */
export async function failStep(
  db: Db,
  action: RunningAction,
  step: { id: string; name: string },
  finished: Finished,
  rollback: { name: string; spec: StepSpec }[],
) {
  const { id: actionId } = action;
  await db.$transaction(async (tx) => {
    const last = await tx.actionStep.aggregate({ where: { actionId }, _max: { seq: true } });
    const from = (last._max.seq ?? 0) + 1;
    await tx.actionStep.update({ where: { id: step.id }, data: { status: "FAILED", ...finished } });
    const detail = rollback.length ? "skipped: rolled back" : "skipped: an earlier step failed";
    const pending = await tx.actionStep.findMany({
      where: { actionId, status: "PENDING" },
      orderBy: { seq: "asc" },
      select: { id: true, spec: true },
    });
    // What runs on failure runs after the rollback, with the cluster as the rollback left it.
    const onFailure = pending.filter((p) => runsOnFailure(readStepSpec(p.spec)));
    for (const [i, later] of onFailure.entries())
      await tx.actionStep.update({ where: { id: later.id }, data: { seq: from + rollback.length + i } });
    const skipped = pending.filter((p) => !onFailure.includes(p)).map((p) => p.id);
    await tx.actionStep.updateMany({ where: { id: { in: skipped } }, data: { status: "SKIPPED", detail } });
    await tx.actionStep.createMany({
      data: rollback.map((next, i) => {
        const spec = toJson({ ...next.spec, isRollback: true });
        return { actionId, seq: from + i, name: next.name, spec, idempotencyKey: randomUUID() };
      }),
    });
    await audit(tx, action, "action.step", "failed", { step: step.name, detail: finished.detail });
    if (rollback.length) await audit(tx, action, "action.rollback", "started", { steps: rollback.map((s) => s.name) });
  });
}

export async function finishFailed(db: Db, action: RunningAction, label: string) {
  const { outcome, rolledBack } = await failureOutcome(db, action);
  await db.$transaction(async (tx) => {
    const skipped = { status: "SKIPPED" as const, detail: "skipped: an earlier step failed" };
    await tx.actionStep.updateMany({ where: { actionId: action.id, status: "PENDING" }, data: skipped });
    await tx.action.update({ where: { id: action.id }, data: { status: "FAILED", finishedAt: new Date(), outcome } });
    await event(tx, action, "action.failed", rolledBack ? "WARNING" : "CRITICAL", `${label} failed: ${outcome}`);
    await audit(tx, action, "action.finish", rolledBack ? "failed, rolled back" : "failed", { outcome });
  });
}

/** The rollback steps not run yet, skipped: one of them failed. */
export async function skipRollback(tx: Pick<Db, "actionStep">, actionId: string) {
  const pending = await tx.actionStep.findMany({
    where: { actionId, status: "PENDING" },
    select: { id: true, spec: true },
  });
  const rollback = pending.filter((p) => readStepSpec(p.spec).isRollback).map((p) => p.id);
  const detail = "skipped: an earlier rollback step failed";
  await tx.actionStep.updateMany({ where: { id: { in: rollback } }, data: { status: "SKIPPED", detail } });
}

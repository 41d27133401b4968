// Runs requested actions step by step, persisting each step's start, end and outcome. Only the
// leader runs it; a new leader picks up a RUNNING action at its first unfinished step and runs
// that step again with the same idempotency key, so the agent answers instead of acting twice.
import { randomUUID } from "node:crypto";
import { appendAudit } from "../audit/append.ts";
import type { Db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { InFlight } from "../control/in-flight.ts";
import { loadPlanState } from "./cluster-state.ts";
import { apiType } from "./names.ts";
import { planAction } from "./plan.ts";
import { clusterStateInWords, runStep, type StepContext } from "./steps.ts";
import { rollbackOf, type PlanRequest, type StepSpec } from "./types.ts";

export interface RunnerDeps {
  db: Db;
  tokenFor: StepContext["tokenFor"];
  isLeader: () => boolean;
  log: (line: string) => void;
}

/** Steps appended to undo a failure are marked, so a resumed action tells them from steps past it. */
type StoredStepSpec = StepSpec & { isRollback?: true };

type RunningAction = { id: string; clusterId: string; cluster: { name: string }; targetNode: string | null };

export class ActionRunner {
  private readonly inFlight: InFlight;

  constructor(private readonly deps: RunnerDeps) {
    this.inFlight = new InFlight("Action", deps.log);
  }

  async tick() {
    const ready = await this.deps.db.action.findMany({
      where: {
        OR: [{ status: "RUNNING" }, { status: "PENDING", OR: [{ requiresApproval: false }, { approvedById: { not: null } }] }],
      },
      orderBy: { createdAt: "asc" },
      select: { id: true },
    });
    for (const { id } of ready) this.inFlight.start(id, (action) => this.execute(action));
  }

  get busy(): number {
    return this.inFlight.size;
  }

  private async event(action: { clusterId: string; id: string }, type: string, severity: "INFO" | "WARNING" | "CRITICAL", summary: string) {
    await this.deps.db.event.create({ data: { type, severity, summary, clusterId: action.clusterId, details: { action: action.id } } });
  }

  private async audit(action: { id: string; cluster: { name: string }; targetNode: string | null }, what: string, outcome: string, details?: Prisma.InputJsonValue) {
    await this.deps.db.$transaction((tx) =>
      appendAudit(tx, { actorId: null, actor: "system", action: what, target: `${action.cluster.name}/${action.targetNode ?? "-"}`, outcome, details: { action: action.id, ...(details as object | undefined) } }),
    );
  }

  private async execute(id: string): Promise<void> {
    const { db } = this.deps;
    const action = await db.action.findUniqueOrThrow({
      where: { id },
      select: {
        id: true, type: true, status: true, clusterId: true, targetNode: true, requiresApproval: true, params: true, overrides: true, automatic: true,
        cluster: { select: { name: true } },
        steps: { orderBy: { seq: "asc" }, select: { id: true, name: true, status: true, spec: true, idempotencyKey: true } },
      },
    });
    const label = `${apiType(action.type)} of ${action.cluster.name}${action.targetNode ? ` to ${action.targetNode}` : ""}`;
    if (action.status === "PENDING" && action.requiresApproval) {
      // Time passed while it waited for approval: the guards judge the cluster as it is now.
      const state = await loadPlanState(db, action.cluster.name, Date.now(), action.id);
      const request = { type: apiType(action.type), target: action.targetNode ?? undefined, params: action.params as PlanRequest["params"] };
      const plan = state ? planAction(state, request, { overrides: action.overrides, automatic: action.automatic }) : null;
      if (!plan?.allowed) {
        const failing = plan?.guards.filter((g) => !g.ok && !(g.overridable && action.overrides.includes(g.id))) ?? [];
        const outcome = `Refused when it was to start, after its approval: ${failing.map((g) => `${g.id}: ${g.reason}`).join("; ") || "the cluster is gone"}.`;
        await db.action.update({ where: { id }, data: { status: "ABORTED", finishedAt: new Date(), outcome } });
        await this.audit(action, "action.finish", "refused at start", { outcome });
        return;
      }
    }
    if (action.status === "PENDING") {
      await db.action.update({ where: { id }, data: { status: "RUNNING", startedAt: new Date() } });
      await this.event(action, "action.started", "INFO", `${label} started`);
      await this.audit(action, "action.start", "running");
    }
    const ctx: StepContext = { db, clusterId: action.clusterId, tokenFor: this.deps.tokenFor, isLeader: this.deps.isLeader };
    const failed = action.steps.some((step) => step.status === "FAILED");
    for (const step of action.steps) {
      if (step.status !== "PENDING" && step.status !== "RUNNING") continue;
      const spec = step.spec as unknown as StoredStepSpec;
      // After a failure only its rollback runs, whatever else was left pending.
      if (failed && !spec.isRollback) continue;
      if (!this.deps.isLeader()) return;
      await db.actionStep.update({ where: { id: step.id }, data: { status: "RUNNING", startedAt: new Date() } });
      const result = await runStep(ctx, spec, step.idempotencyKey);
      // A wait cut short because this instance stopped leading is no verdict: the new leader runs the step again.
      if (!this.deps.isLeader()) return;
      const finished = { finishedAt: new Date(), detail: result.detail };
      if (result.ok) {
        await db.actionStep.update({ where: { id: step.id }, data: { status: "SUCCEEDED", ...finished } });
        await this.audit(action, "action.step", "succeeded", { step: step.name, detail: result.detail });
        continue;
      }
      const rollback = rollbackOf(spec);
      await this.failStep(action.id, step.id, finished, rollback);
      await this.audit(action, "action.step", "failed", { step: step.name, detail: result.detail });
      if (rollback.length === 0) return this.finishFailed(action, label);
      await this.audit(action, "action.rollback", "started", { steps: rollback.map((s) => s.name) });
      return this.execute(id);
    }
    if (failed) return this.finishFailed(action, label);
    const replaced = action.type === "FAILOVER" || action.type === "SWITCHOVER";
    const outcome = `Done. The cluster now: ${await clusterStateInWords(db, action.clusterId)}.`;
    await db.$transaction([
      db.action.update({ where: { id }, data: { status: "SUCCEEDED", finishedAt: new Date(), outcome } }),
      ...(replaced ? [db.cluster.update({ where: { id: action.clusterId }, data: { lastFailoverAt: new Date() } })] : []),
    ]);
    await this.event(action, "action.succeeded", "INFO", `${label} succeeded`);
    await this.audit(action, "action.finish", "succeeded", { outcome });
  }

  /**
   * One transaction: the step fails, the steps after it are skipped and the rollback's appended, so
   * a new leader resuming the action runs only the rollback, never a step past the failure.
   */
  private async failStep(actionId: string, stepId: string, finished: { finishedAt: Date; detail: string }, rollback: { name: string; spec: StepSpec }[]) {
    const { db } = this.deps;
    const last = await db.actionStep.aggregate({ where: { actionId }, _max: { seq: true } });
    const from = (last._max.seq ?? 0) + 1;
    await db.$transaction([
      db.actionStep.update({ where: { id: stepId }, data: { status: "FAILED", ...finished } }),
      db.actionStep.updateMany({
        where: { actionId, status: "PENDING" },
        data: { status: "SKIPPED", detail: rollback.length ? "skipped: rolled back" : "skipped: an earlier step failed" },
      }),
      db.actionStep.createMany({
        data: rollback.map((step, i) => {
          const spec = { ...step.spec, isRollback: true } as StoredStepSpec;
          return { actionId, seq: from + i, name: step.name, spec: spec as unknown as Prisma.InputJsonValue, idempotencyKey: randomUUID() };
        }),
      }),
    ]);
  }

  private async finishFailed(action: RunningAction, label: string) {
    const { db } = this.deps;
    const { outcome, rolledBack } = await failureOutcome(db, action);
    await db.$transaction([
      db.actionStep.updateMany({ where: { actionId: action.id, status: "PENDING" }, data: { status: "SKIPPED", detail: "skipped: an earlier step failed" } }),
      db.action.update({ where: { id: action.id }, data: { status: "FAILED", finishedAt: new Date(), outcome } }),
    ]);
    await this.event(action, "action.failed", rolledBack ? "WARNING" : "CRITICAL", `${label} failed: ${outcome}`);
    await this.audit(action, "action.finish", rolledBack ? "failed, rolled back" : "failed", { outcome });
  }
}

/** What stopped the action and, after a rollback, whether it put things back, from its stored steps. */
async function failureOutcome(db: Db, action: RunningAction): Promise<{ outcome: string; rolledBack: boolean }> {
  const steps = await db.actionStep.findMany({ where: { actionId: action.id }, orderBy: { seq: "asc" }, select: { name: true, status: true, detail: true, spec: true } });
  const failed = steps.find((step) => step.status === "FAILED");
  const rollback = steps.filter((step) => (step.spec as StoredStepSpec).isRollback && step.status !== "SKIPPED");
  const rollbackFailed = rollback.find((step) => step.status === "FAILED");
  const rolledBack = rollback.length > 0 && !rollbackFailed;
  const parts = [
    failed ? `Stopped at "${failed.name}": ${failed.detail}.` : "Stopped.",
    rollbackFailed ? `The rollback stopped at "${rollbackFailed.name}": ${rollbackFailed.detail}.` : rolledBack ? `Rolled back: ${rollback.map((step) => step.detail).join("; ")}.` : null,
    `The cluster now: ${await clusterStateInWords(db, action.clusterId)}.`,
  ];
  return { outcome: parts.filter(Boolean).join(" "), rolledBack };
}

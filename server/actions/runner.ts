// Runs requested actions step by step, persisting each step's start, end and outcome. Only the
// leader runs it, within its term: every write is fenced by the term, and each step's outcome is
// stored with its audit entry (and an action's end with its event) in one transaction, so a leader
// that loses its lease mid-way leaves no half-told step. A new leader picks up a RUNNING action at
// its first unfinished step and runs that step again with the same idempotency key, so the agent
// answers instead of acting twice.
import type { Log } from "../../lib/log.ts";
import { InFlight } from "../control/in-flight.ts";
import type { LeaderScope } from "../control/term.ts";
import { loadPlanState } from "./cluster-state.ts";
import { actionLabel, apiType } from "./names.ts";
import { planAction } from "./plan.ts";
import { failStep, finishFailed, skipRollback } from "./failure.ts";
import { NOT_DONE } from "./not-done.ts";
import { readStepSpec } from "./stored-step.ts";
import { actionAudit as audit, actionEvent as event } from "./records.ts";
import { clusterStateInWords, runStep, type StepContext } from "./steps.ts";
import { rollbackOf, type PlanRequest } from "./types.ts";

export interface RunnerDeps {
  tokenFor: StepContext["tokenFor"];
  egress?: StepContext["egress"];
  log: Log;
}

export class ActionRunner {
  private readonly inFlight: InFlight;

  constructor(private readonly deps: RunnerDeps) {
    this.inFlight = new InFlight("Action", deps.log);
  }

  async tick(scope: LeaderScope) {
    const ready = await scope.db.action.findMany({
      where: {
        OR: [
          { status: "RUNNING" },
          { status: "PENDING", OR: [{ requiresApproval: false }, { approvedById: { not: null } }] },
        ],
      },
      orderBy: { createdAt: "asc" },
      select: { id: true },
    });
    for (const { id } of ready) this.inFlight.start(id, (action) => this.execute(scope, action));
  }

  get busy(): number {
    return this.inFlight.size;
  }

  private async execute(scope: LeaderScope, id: string): Promise<void> {
    const { db } = scope;
    const action = await db.action.findUniqueOrThrow({
      where: { id },
      select: {
        id: true,
        type: true,
        status: true,
        clusterId: true,
        targetNode: true,
        requiresApproval: true,
        params: true,
        overrides: true,
        automatic: true,
        cluster: { select: { name: true } },
        steps: {
          orderBy: { seq: "asc" },
          select: { id: true, name: true, status: true, spec: true, idempotencyKey: true },
        },
      },
    });
    const label = actionLabel(apiType(action.type), action.cluster.name, action.targetNode);
    if (action.status === "PENDING" && action.requiresApproval) {
      // Time passed while it waited for approval: the guards judge the cluster as it is now.
      const state = await loadPlanState(db, action.cluster.name, Date.now(), action.id);
      const request = {
        type: apiType(action.type),
        target: action.targetNode ?? undefined,
        params: action.params as PlanRequest["params"],
      };
      const plan = state
        ? planAction(state, request, { overrides: action.overrides, automatic: action.automatic })
        : null;
      if (!plan?.allowed) {
        const failing = plan?.guards.filter((g) => !g.ok && !(g.overridable && action.overrides.includes(g.id))) ?? [];
        const reasons = failing.map((g) => `${g.id}: ${g.reason}`).join("; ") || "the cluster is gone";
        const outcome = `Refused when it was to start, after its approval: ${reasons}.`;
        await db.$transaction(async (tx) => {
          await tx.action.update({ where: { id }, data: { status: "ABORTED", finishedAt: new Date(), outcome } });
          await audit(tx, action, "action.finish", "refused at start", { outcome });
        });
        return;
      }
    }
    if (action.status === "PENDING") {
      await db.$transaction(async (tx) => {
        await tx.action.update({ where: { id }, data: { status: "RUNNING", startedAt: new Date() } });
        await event(tx, action, "action.started", "INFO", `${label} started`);
        await audit(tx, action, "action.start", "running");
      });
    }
    const { tokenFor } = this.deps;
    const { isLeader, epoch } = scope;
    const ctx: StepContext = {
      db,
      clusterId: action.clusterId,
      tokenFor,
      isLeader,
      epoch,
      actionId: id,
      egress: this.deps.egress,
    };
    const failed = action.steps.some((step) => step.status === "FAILED");
    for (const step of action.steps) {
      if (step.status !== "PENDING" && step.status !== "RUNNING") continue;
      const spec = readStepSpec(step.spec);
      const onFailure = spec.kind === "hook" || spec.kind === "route" ? spec.onFailure === true : false;
      // After a failure only its rollback and what runs on failure run, whatever else was left pending.
      if (failed ? !spec.isRollback && !onFailure : onFailure) continue;
      if (!scope.isLeader()) return;
      await db.actionStep.update({ where: { id: step.id }, data: { status: "RUNNING", startedAt: new Date() } });
      const result = await runStep(ctx, spec, step.idempotencyKey);
      // A wait cut short because this instance stopped leading is no verdict: the new leader runs the step again.
      if (!scope.isLeader()) return;
      const finished = { finishedAt: new Date(), detail: result.detail };
      if (result.ok) {
        await db.$transaction(async (tx) => {
          await tx.actionStep.update({ where: { id: step.id }, data: { status: "SUCCEEDED", ...finished } });
          await audit(tx, action, "action.step", "succeeded", { step: step.name, detail: result.detail });
        });
        continue;
      }
      if (failed) {
        // After a failure: a rollback step that fails ends the rollback (what follows it assumed it worked);
        // what runs on failure still runs, each said whatever the others did.
        await db.$transaction(async (tx) => {
          await tx.actionStep.update({ where: { id: step.id }, data: { status: "FAILED", ...finished } });
          await audit(tx, action, "action.step", "failed", { step: step.name, detail: result.detail });
          if (spec.isRollback) await skipRollback(tx, id);
        });
        if (spec.isRollback) return this.execute(scope, id);
        continue;
      }
      await failStep(db, action, step, finished, rollbackOf(spec));
      return this.execute(scope, id);
    }
    if (failed) return finishFailed(db, action, label);
    const replaced = action.type === "FAILOVER" || action.type === "SWITCHOVER";
    const missed = await db.actionStep.findMany({
      where: { actionId: id, status: "SUCCEEDED", detail: { startsWith: NOT_DONE } },
      orderBy: { seq: "asc" },
      select: { name: true },
    });
    const except = missed.length ? `, except: ${missed.map((s) => s.name).join("; ")} (see their steps)` : "";
    const outcome = `Done${except}. The cluster now: ${await clusterStateInWords(db, action.clusterId)}.`;
    await db.$transaction(async (tx) => {
      const unneeded = { status: "SKIPPED" as const, detail: "not needed: the action succeeded" };
      await tx.actionStep.updateMany({ where: { actionId: id, status: "PENDING" }, data: unneeded });
      await tx.action.update({ where: { id }, data: { status: "SUCCEEDED", finishedAt: new Date(), outcome } });
      if (replaced) await tx.cluster.update({ where: { id: action.clusterId }, data: { lastFailoverAt: new Date() } });
      await event(tx, action, "action.succeeded", "INFO", `${label} succeeded`);
      await audit(tx, action, "action.finish", "succeeded", { outcome });
    });
  }
}

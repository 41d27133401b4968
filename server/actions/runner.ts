// Runs requested actions step by step, persisting each step's start, end and outcome. Only the
// leader runs it; a new leader picks up a RUNNING action at its first unfinished step and runs
// that step again with the same idempotency key, so the agent answers instead of acting twice.
import { appendAudit } from "../audit/append.ts";
import type { Db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { InFlight } from "../control/in-flight.ts";
import { loadPlanState } from "./cluster-state.ts";
import { apiType } from "./names.ts";
import { planAction } from "./plan.ts";
import { clusterStateInWords, runStep, type StepContext } from "./steps.ts";
import type { PlanRequest, StepSpec } from "./types.ts";

export interface RunnerDeps {
  db: Db;
  tokenFor: StepContext["tokenFor"];
  isLeader: () => boolean;
  log: (line: string) => void;
}

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

  private async execute(id: string) {
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
    for (const step of action.steps) {
      if (step.status === "SUCCEEDED" || step.status === "SKIPPED") continue;
      if (!this.deps.isLeader()) return;
      await db.actionStep.update({ where: { id: step.id }, data: { status: "RUNNING", startedAt: new Date() } });
      const result = await runStep(ctx, step.spec as unknown as StepSpec, step.idempotencyKey);
      await db.actionStep.update({ where: { id: step.id }, data: { status: result.ok ? "SUCCEEDED" : "FAILED", finishedAt: new Date(), detail: result.detail } });
      await this.audit(action, "action.step", result.ok ? "succeeded" : "failed", { step: step.name, detail: result.detail });
      if (!result.ok) {
        const outcome = `Stopped at "${step.name}": ${result.detail}. The cluster now: ${await clusterStateInWords(db, action.clusterId)}.`;
        await db.action.update({ where: { id }, data: { status: "FAILED", finishedAt: new Date(), outcome } });
        await this.event(action, "action.failed", "CRITICAL", `${label} failed: ${outcome}`);
        await this.audit(action, "action.finish", "failed", { outcome });
        return;
      }
    }
    const replaced = action.type === "FAILOVER" || action.type === "SWITCHOVER";
    const outcome = `Done. The cluster now: ${await clusterStateInWords(db, action.clusterId)}.`;
    await db.$transaction([
      db.action.update({ where: { id }, data: { status: "SUCCEEDED", finishedAt: new Date(), outcome } }),
      ...(replaced ? [db.cluster.update({ where: { id: action.clusterId }, data: { lastFailoverAt: new Date() } })] : []),
    ]);
    await this.event(action, "action.succeeded", "INFO", `${label} succeeded`);
    await this.audit(action, "action.finish", "succeeded", { outcome });
  }
}

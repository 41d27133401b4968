// Runs drills on the leader, one tick at a time: checks the stop conditions, runs the current
// phase, advances unattended drills, restores after a failure or an abort (a drill never leaves
// its fault behind) and ends each drill with its figures and a verdict.
import type { Actor } from "../actions/request.ts";
import { InFlight } from "../control/in-flight.ts";
import type { StepContext } from "../actions/steps.ts";
import { appendAudit } from "../audit/append.ts";
import type { Db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import type { Role } from "../auth/roles.ts";
import { formatDuration } from "../detection/format.ts";
import { lagThresholds } from "../detection/lag.ts";
import { finishDrill } from "./finish.ts";
import { phaseLimitMs, runPhase, type PhaseContext } from "./phases.ts";
import type { RestoreProgress } from "./restore.ts";
import { stopReason } from "./stop-conditions.ts";
import type { DrillParams, PhaseName } from "./types.ts";

export interface DrillRunnerDeps {
  db: Db;
  tokenFor: StepContext["tokenFor"];
  isLeader: () => boolean;
  log: (line: string) => void;
}

const DRILL_SELECT = {
  id: true, clusterId: true, scenario: true, params: true, injectedAt: true, unattended: true, abortRequestedAt: true, abortReason: true, startedAt: true,
  cluster: { select: { name: true, intervalMs: true, timeoutMs: true, failureThreshold: true, rtoTargetMs: true, lagAlertBytes: true, rpoBudgetBytes: true } },
  startedBy: { select: { id: true, email: true, role: true } },
  phases: { orderBy: { seq: "asc" as const }, select: { id: true, name: true, status: true, startedAt: true, finishedAt: true, detail: true } },
} satisfies Prisma.DrillSelect;

type DrillRow = Prisma.DrillGetPayload<{ select: typeof DRILL_SELECT }>;

/**
 * A click-through drill nobody advances is aborted: before its fault after 15 min; once its fault
 * is in (maybe a primary down until the next click) after twice the RTO target, 2 min at least.
 */
export function idleLimitMs(injected: boolean, rtoTargetMs: number): number {
  return injected ? Math.max(2 * 60_000, 2 * rtoTargetMs) : 15 * 60_000;
}

function idleReason(drill: DrillRow, now: number): string | null {
  if (drill.unattended || drill.phases.some((p) => p.status === "RUNNING")) return null;
  const last = Math.max(drill.startedAt?.getTime() ?? 0, ...drill.phases.map((p) => p.finishedAt?.getTime() ?? 0));
  const limit = idleLimitMs(drill.injectedAt !== null, drill.cluster.rtoTargetMs);
  return now - last > limit ? `nobody advanced this click-through drill for ${formatDuration(limit)}` : null;
}

export class DrillRunner {
  private readonly inFlight: InFlight;
  private readonly restoring = new Map<string, RestoreProgress>();

  constructor(private readonly deps: DrillRunnerDeps) {
    this.inFlight = new InFlight("Drill", deps.log);
  }

  async tick() {
    const drills = await this.deps.db.drill.findMany({ where: { status: "RUNNING" }, select: { id: true } });
    for (const { id } of drills) this.inFlight.start(id, (drill) => this.step(drill));
  }

  private audit(drill: DrillRow, what: string, outcome: string, details: Record<string, unknown> = {}) {
    return this.deps.db.$transaction((tx) => appendAudit(tx, { actorId: null, actor: "system", action: what, target: drill.cluster.name, outcome, details: { drill: drill.id, ...details } as Prisma.InputJsonValue }));
  }

  private async step(id: string) {
    const { db } = this.deps;
    let drill = await db.drill.findUniqueOrThrow({ where: { id }, select: DRILL_SELECT });
    const params = drill.params as unknown as DrillParams;
    const restore = drill.phases.find((p) => p.name === "restore")!;
    if (!drill.abortRequestedAt && restore.status === "PENDING") {
      const faulted = drill.injectedAt ? params.faults.map((f) => f.node) : null;
      const why = idleReason(drill, Date.now()) ?? (await stopReason(db, drill.clusterId, params.stopConditions, faulted));
      if (why && this.deps.isLeader()) {
        await db.drill.update({ where: { id }, data: { abortRequestedAt: new Date(), abortReason: why } });
        await this.audit(drill, "drill.abort", "aborting", { why });
        drill = { ...drill, abortRequestedAt: new Date(), abortReason: why };
      }
    }
    if (drill.abortRequestedAt && restore.status === "PENDING") {
      await this.skipToRestore(drill, `skipped: aborted (${drill.abortReason ?? "no reason"})`);
      return;
    }
    const current = drill.phases.find((p) => p.status === "RUNNING");
    if (!current) {
      const next = drill.phases.find((p) => p.status === "PENDING");
      if (!next) await finishDrill(db, id);
      else if (drill.unattended && this.deps.isLeader()) await db.drillPhase.updateMany({ where: { id: next.id, status: "PENDING" }, data: { status: "RUNNING", startedAt: new Date() } });
      return;
    }
    if (!this.deps.isLeader()) return;
    const ctx = await this.context(drill, params);
    const progress = this.restoring.get(id) ?? { done: new Set<string>(), attempt: 0 };
    if (current.name === "restore") this.restoring.set(id, progress);
    let outcome = await runPhase(current.name as PhaseName, ctx, progress);
    if ("wait" in outcome) {
      const { lagAlertBytes, rpoBudgetBytes } = drill.cluster;
      const lagThreshold = lagThresholds({ lagAlertBytes: lagAlertBytes === null ? null : Number(lagAlertBytes), lagAlertSeconds: null, rpoBudgetBytes: Number(rpoBudgetBytes), rpoBudgetSeconds: 0 }).bytes;
      const limit = phaseLimitMs(current.name as PhaseName, drill.cluster, lagThreshold);
      const elapsed = Date.now() - (current.startedAt?.getTime() ?? Date.now());
      if (elapsed <= limit) {
        if (outcome.wait !== current.detail) await db.drillPhase.update({ where: { id: current.id }, data: { detail: outcome.wait } });
        return;
      }
      outcome = { ok: false, detail: `timed out after ${Math.round(limit / 1000)} s, still ${outcome.wait}` };
    }
    const status = outcome.skipped ? "SKIPPED" : outcome.ok ? "SUCCEEDED" : "FAILED";
    await db.drillPhase.update({ where: { id: current.id }, data: { status, finishedAt: new Date(), detail: outcome.detail } });
    await this.audit(drill, "drill.phase", `${current.name} ${status.toLowerCase()}`, { detail: outcome.detail });
    if (current.name === "restore") {
      this.restoring.delete(id);
      await finishDrill(db, id);
    } else if (!outcome.ok) {
      await this.skipToRestore(drill, `skipped: ${current.name} failed`);
    } else if (drill.unattended) {
      const next = drill.phases[drill.phases.indexOf(current) + 1];
      if (next) await db.drillPhase.updateMany({ where: { id: next.id, status: "PENDING" }, data: { status: "RUNNING", startedAt: new Date() } });
    }
  }

  /** A failed or aborted drill restores at once, without waiting for a click. */
  private async skipToRestore(drill: DrillRow, why: string) {
    const { db } = this.deps;
    const now = new Date();
    const injected = drill.injectedAt !== null || drill.phases.some((p) => p.name === "inject" && p.status === "RUNNING");
    await db.$transaction([
      db.drillPhase.updateMany({ where: { drillId: drill.id, name: { not: "restore" }, status: { in: ["PENDING", "RUNNING"] } }, data: { status: "SKIPPED", finishedAt: now, detail: why } }),
      db.drillPhase.updateMany({
        where: { drillId: drill.id, name: "restore", status: "PENDING" },
        data: injected ? { status: "RUNNING", startedAt: now } : { status: "SKIPPED", finishedAt: now, detail: "nothing to restore: no fault was injected" },
      }),
    ]);
  }

  private async context(drill: DrillRow, params: DrillParams): Promise<PhaseContext> {
    const actor: Actor | null = drill.startedBy ? { id: drill.startedBy.id, email: drill.startedBy.email, role: drill.startedBy.role as Role } : null;
    return {
      db: this.deps.db,
      clusterId: drill.clusterId,
      tokenFor: this.deps.tokenFor,
      isLeader: this.deps.isLeader,
      drill: { id: drill.id, clusterName: drill.cluster.name, scenario: drill.scenario, params, injectedAt: drill.injectedAt, actor },
    };
  }
}

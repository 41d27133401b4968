// Runs drills on the leader, one tick at a time, within its term (every write fenced by it): checks
// the stop conditions, runs the current phase, advances unattended drills, restores after a failure
// or an abort (a drill never leaves its fault behind) and ends each drill with its figures and a verdict.
import type { Log } from "../../lib/log.ts";
import type { Actor } from "../actions/request.ts";
import { InFlight } from "../control/in-flight.ts";
import type { StepContext } from "../actions/steps.ts";
import { appendAudit } from "../audit/append.ts";
import type { LeaderScope } from "../control/term.ts";
import type { Prisma } from "../db/generated/client.ts";
import type { Role } from "../../lib/roles.ts";
import { lagThresholds } from "../detection/lag.ts";
import { finishDrill } from "./finish.ts";
import { idleReason } from "./idle.ts";
import type { PhaseContext } from "./phase-context.ts";
import { phaseLimitMs, runPhase } from "./phases.ts";
import type { RestoreProgress } from "./restore.ts";
import { stopReason } from "./stop-conditions.ts";
import type { DrillParams } from "./types.ts";
import { readDrillParams } from "./stored.ts";
import { apiScenario } from "./scenario-names.ts";

export interface DrillRunnerDeps {
  tokenFor: StepContext["tokenFor"];
  log: Log;
}

const DRILL_SELECT = {
  id: true,
  clusterId: true,
  scenario: true,
  params: true,
  injectedAt: true,
  unattended: true,
  abortRequestedAt: true,
  abortReason: true,
  startedAt: true,
  cluster: {
    select: {
      name: true,
      intervalMs: true,
      timeoutMs: true,
      failureThreshold: true,
      rtoTargetMs: true,
      lagAlertBytes: true,
      rpoBudgetBytes: true,
    },
  },
  startedBy: { select: { id: true, email: true, role: true } },
  phases: {
    orderBy: { seq: "asc" as const },
    select: { id: true, name: true, status: true, startedAt: true, finishedAt: true, detail: true },
  },
} satisfies Prisma.DrillSelect;

type DrillRow = Prisma.DrillGetPayload<{ select: typeof DRILL_SELECT }>;

/** An audit entry about a drill, in the transaction that stores what it records. */
function audit(tx: Prisma.TransactionClient, drill: DrillRow, what: string, outcome: string, details: object = {}) {
  const entry = { drill: drill.id, ...details } as Prisma.InputJsonValue;
  const target = drill.cluster.name;
  return appendAudit(tx, { actorId: null, actor: "system", action: what, target, outcome, details: entry });
}

export class DrillRunner {
  private readonly inFlight: InFlight;
  private readonly restoring = new Map<string, RestoreProgress>();

  constructor(private readonly deps: DrillRunnerDeps) {
    this.inFlight = new InFlight("Drill", deps.log);
  }

  async tick(scope: LeaderScope) {
    const drills = await scope.db.drill.findMany({ where: { status: "RUNNING" }, select: { id: true } });
    for (const { id } of drills) this.inFlight.start(id, (drill) => this.step(scope, drill));
  }

  private async step(scope: LeaderScope, id: string) {
    const { db } = scope;
    let drill = await db.drill.findUniqueOrThrow({ where: { id }, select: DRILL_SELECT });
    const params = readDrillParams(drill.params);
    const restore = drill.phases.find((p) => p.name === "restore")!;
    if (!drill.abortRequestedAt && restore.status === "PENDING") {
      const faulted = drill.injectedAt ? params.faults.map((f) => f.node) : null;
      const why =
        idleReason(drill, Date.now()) ?? (await stopReason(db, drill.clusterId, params.stopConditions, faulted));
      if (why && scope.isLeader()) {
        await db.$transaction(async (tx) => {
          await tx.drill.update({ where: { id }, data: { abortRequestedAt: new Date(), abortReason: why } });
          await audit(tx, drill, "drill.abort", "aborting", { why });
        });
        drill = { ...drill, abortRequestedAt: new Date(), abortReason: why };
      }
    }
    if (drill.abortRequestedAt && restore.status === "PENDING") {
      await this.skipToRestore(scope, drill, `skipped: aborted (${drill.abortReason ?? "no reason"})`);
      return;
    }
    const current = drill.phases.find((p) => p.status === "RUNNING");
    if (!current) {
      const next = drill.phases.find((p) => p.status === "PENDING");
      if (!next) await finishDrill(db, id);
      else if (drill.unattended && scope.isLeader()) {
        const running = { status: "RUNNING" as const, startedAt: new Date() };
        await db.drillPhase.updateMany({ where: { id: next.id, status: "PENDING" }, data: running });
      }
      return;
    }
    if (!scope.isLeader()) return;
    const ctx = this.context(scope, drill, params);
    const progress = this.restoring.get(id) ?? { done: new Set<string>(), attempt: 0 };
    if (current.name === "restore") this.restoring.set(id, progress);
    let outcome = await runPhase(current.name, ctx, progress);
    if ("wait" in outcome) {
      const { lagAlertBytes, rpoBudgetBytes } = drill.cluster;
      const lagThreshold = lagThresholds({
        lagAlertBytes: lagAlertBytes === null ? null : Number(lagAlertBytes),
        lagAlertSeconds: null,
        rpoBudgetBytes: Number(rpoBudgetBytes),
        rpoBudgetSeconds: 0,
      }).bytes;
      const limit = phaseLimitMs(current.name, drill.cluster, lagThreshold);
      const elapsed = Date.now() - (current.startedAt?.getTime() ?? Date.now());
      if (elapsed <= limit) {
        if (outcome.wait !== current.detail)
          await db.drillPhase.update({ where: { id: current.id }, data: { detail: outcome.wait } });
        return;
      }
      outcome = { ok: false, detail: `timed out after ${Math.round(limit / 1000)} s, still ${outcome.wait}` };
    }
    const status = outcome.skipped ? "SKIPPED" : outcome.ok ? "SUCCEEDED" : "FAILED";
    const { detail } = outcome;
    await db.$transaction(async (tx) => {
      await tx.drillPhase.update({ where: { id: current.id }, data: { status, finishedAt: new Date(), detail } });
      await audit(tx, drill, "drill.phase", `${current.name} ${status.toLowerCase()}`, { detail });
    });
    if (current.name === "restore") {
      this.restoring.delete(id);
      await finishDrill(db, id);
    } else if (!outcome.ok) {
      await this.skipToRestore(scope, drill, `skipped: ${current.name} failed`);
    } else if (drill.unattended) {
      const next = drill.phases[drill.phases.indexOf(current) + 1];
      if (next)
        await db.drillPhase.updateMany({
          where: { id: next.id, status: "PENDING" },
          data: { status: "RUNNING", startedAt: new Date() },
        });
    }
  }

  /** A failed or aborted drill restores at once, without waiting for a click. */
  private async skipToRestore(scope: LeaderScope, drill: DrillRow, why: string) {
    const now = new Date();
    const injected =
      drill.injectedAt !== null || drill.phases.some((p) => p.name === "inject" && p.status === "RUNNING");
    await scope.db.$transaction(async (tx) => {
      await tx.drillPhase.updateMany({
        where: { drillId: drill.id, name: { not: "restore" }, status: { in: ["PENDING", "RUNNING"] } },
        data: { status: "SKIPPED", finishedAt: now, detail: why },
      });
      await tx.drillPhase.updateMany({
        where: { drillId: drill.id, name: "restore", status: "PENDING" },
        data: injected
          ? { status: "RUNNING", startedAt: now }
          : { status: "SKIPPED", finishedAt: now, detail: "nothing to restore: no fault was injected" },
      });
    });
  }

  private context(scope: LeaderScope, drill: DrillRow, params: DrillParams): PhaseContext {
    const actor: Actor | null = drill.startedBy
      ? { id: drill.startedBy.id, email: drill.startedBy.email, role: drill.startedBy.role as Role }
      : null;
    return {
      db: scope.db,
      clusterId: drill.clusterId,
      tokenFor: this.deps.tokenFor,
      isLeader: scope.isLeader,
      epoch: scope.epoch,
      drill: {
        id: drill.id,
        clusterName: drill.cluster.name,
        scenario: apiScenario(drill.scenario),
        params,
        injectedAt: drill.injectedAt,
        actor,
      },
    };
  }
}

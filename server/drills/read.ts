// A drill as the API and the report give it (DESIGN.md, "Drills … API"): status, phases with
// their times, figures, each target's pass or fail, the verdict, and the drill's own events.
import type { Db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import { measureDrill } from "./measure-load.ts";
import type { Measurements } from "./measure.ts";
import { checkTargets, targetsOf } from "./verdict.ts";
import { readDrillParams, readMeasurements } from "./stored.ts";
import { apiScenario } from "./scenario-names.ts";

const SELECT = {
  id: true,
  clusterId: true,
  scenario: true,
  params: true,
  reason: true,
  status: true,
  unattended: true,
  scheduled: true,
  measurements: true,
  verdict: true,
  verdictDetail: true,
  injectedAt: true,
  abortRequestedAt: true,
  abortReason: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  cluster: {
    select: {
      name: true,
      mode: true,
      policy: true,
      rtoTargetMs: true,
      rpoBudgetBytes: true,
      rpoBudgetSeconds: true,
      intervalMs: true,
      timeoutMs: true,
      failureThreshold: true,
    },
  },
  startedBy: { select: { email: true } },
  phases: {
    orderBy: { seq: "asc" as const },
    select: { name: true, status: true, startedAt: true, finishedAt: true, detail: true },
  },
} satisfies Prisma.DrillSelect;

export async function drillDocument(db: Db, id: string) {
  const drill = await db.drill.findUnique({ where: { id }, select: SELECT });
  if (!drill) return null;
  const { cluster } = drill;
  const params = readDrillParams(drill.params);
  const scenario = apiScenario(drill.scenario);
  const running = drill.status === "RUNNING";
  // While it runs, the figures so far; once it ends, the figures it was judged by.
  const measurements: Measurements | null = running
    ? await measureDrill(db, { ...drill, scenario }, new Date())
    : drill.injectedAt
      ? readMeasurements(drill.measurements)
      : null;
  const targets = targetsOf(cluster);
  const events = await db.event.findMany({
    where: { drillId: id },
    orderBy: { at: "asc" },
    take: 200,
    select: { id: true, at: true, type: true, severity: true, summary: true, node: { select: { name: true } } },
  });
  return {
    id: drill.id,
    cluster: cluster.name,
    mode: cluster.mode === "ACTIVE_PASSIVE" ? "active-passive" : "active-active",
    scenario,
    status: drill.status,
    unattended: drill.unattended,
    scheduled: drill.scheduled,
    reason: drill.reason,
    startedBy: drill.scheduled ? "schedule" : (drill.startedBy?.email ?? "system"),
    faults: params.faults,
    failoverBy: params.expectFailover ? (params.policy === "AUTOMATIC" ? "automatic" : "operator-run") : null,
    stopConditions: params.stopConditions,
    phases: drill.phases.map((p) => ({ ...p, plan: params.phaseNotes[p.name] })),
    measurements: figuresOf(measurements),
    promoted: measurements?.promoted ?? null,
    targets: {
      ...targets,
      checks: measurements ? checkTargets(measurements, targets, cluster.mode === "ACTIVE_PASSIVE") : [],
    },
    verdict: drill.verdict,
    verdictDetail: drill.verdictDetail,
    aborting: running && drill.abortRequestedAt !== null,
    abortReason: drill.abortReason,
    createdAt: drill.createdAt,
    startedAt: drill.startedAt,
    injectedAt: drill.injectedAt,
    finishedAt: drill.finishedAt,
    events: events.map((e) => ({ ...e, id: String(e.id), node: e.node?.name ?? null })),
  };
}

/** The figures in the API's shape (DESIGN.md): every key present, null where not measured. */
function figuresOf(m: Partial<Measurements> | null) {
  return {
    detectionMs: m?.detectionMs ?? null,
    failoverMs: m?.failoverMs ?? null,
    rtoMs: m?.rtoMs ?? null,
    rpoBytes: m?.rpoBytes ?? null,
    rpoSeconds: m?.rpoSeconds ?? null,
    errorRate: m?.errorRate ?? null,
  };
}

export type DrillDocument = NonNullable<Awaited<ReturnType<typeof drillDocument>>>;

/** Drill history, newest first, with outcome and figures; `before` pages by creation time. */
export async function listDrills(db: Db, opts: { cluster?: string; limit: number; before?: Date }) {
  const rows = await db.drill.findMany({
    where: {
      ...(opts.cluster ? { cluster: { name: opts.cluster } } : {}),
      ...(opts.before ? { createdAt: { lt: opts.before } } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: opts.limit,
    select: {
      id: true,
      scenario: true,
      status: true,
      verdict: true,
      unattended: true,
      scheduled: true,
      measurements: true,
      createdAt: true,
      finishedAt: true,
      abortReason: true,
      cluster: { select: { name: true } },
      startedBy: { select: { email: true } },
    },
  });
  return rows.map((d) => ({
    id: d.id,
    cluster: d.cluster.name,
    scenario: apiScenario(d.scenario),
    status: d.status,
    verdict: d.verdict,
    unattended: d.unattended,
    startedBy: d.scheduled ? "schedule" : (d.startedBy?.email ?? "system"),
    createdAt: d.createdAt,
    finishedAt: d.finishedAt,
    abortReason: d.abortReason,
    measurements: figuresOf(readMeasurements(d.measurements)),
  }));
}

// Drill schedules, one per cluster: off by default; a cron expression (UTC), the scenario it runs
// and the windows it must never start in. Saving one computes its next run; audited.
import { z } from "zod";
import { ActionError } from "../actions/errors.ts";
import type { Actor } from "../actions/request.ts";
import { appendAudit } from "../audit/append.ts";
import type { Db } from "../db/client.ts";
import type { Prisma } from "../db/generated/client.ts";
import {
  blockedWindowSchema,
  cronExpressionSchema,
  describeCron,
  nextRun,
  parseCron,
  type BlockedWindow,
} from "./schedule-rules.ts";
import { SCENARIOS, SCENARIOS_FOR_MODE } from "../../lib/drills.ts";
import { toJson } from "../db/json.ts";
import { apiScenario, storedScenario } from "./scenario-names.ts";

export const scheduleInputSchema = z.object({
  enabled: z.boolean(),
  cron: cronExpressionSchema,
  scenario: z.enum(SCENARIOS, { error: `one of ${SCENARIOS.join(", ")}` }),
  blocked: z.array(blockedWindowSchema).max(50).default([]),
});

export type ScheduleInput = z.infer<typeof scheduleInputSchema>;

const SELECT = {
  enabled: true,
  cron: true,
  scenario: true,
  blocked: true,
  nextRunAt: true,
  lastRunAt: true,
  lastDrillId: true,
  lastSkip: true,
  updatedAt: true,
} as const;

type Row = Prisma.DrillScheduleGetPayload<{ select: typeof SELECT }>;

const shape = (cluster: string, row: Row) => ({
  cluster,
  ...row,
  scenario: apiScenario(row.scenario),
  blocked: row.blocked as BlockedWindow[],
  reading: describeCron(row.cron),
});

export async function listSchedules(db: Db) {
  const rows = await db.drillSchedule.findMany({
    select: { ...SELECT, cluster: { select: { name: true } } },
    orderBy: { cluster: { name: "asc" } },
  });
  return rows.map(({ cluster, ...row }) => shape(cluster.name, row));
}

export async function setSchedule(db: Db, actor: Actor, clusterName: string, input: ScheduleInput, now = new Date()) {
  const cluster = await db.cluster.findUnique({ where: { name: clusterName }, select: { id: true, mode: true } });
  if (!cluster) throw new ActionError("NOT_FOUND", `No cluster named ${clusterName}.`);
  const mode = cluster.mode === "ACTIVE_PASSIVE" ? "active-passive" : "active-active";
  if (!SCENARIOS_FOR_MODE[mode].includes(input.scenario)) {
    throw new ActionError(
      "BAD_REQUEST",
      `scenario: ${input.scenario} does not fit an ${mode} cluster (${SCENARIOS_FOR_MODE[mode].join(", ")}).`,
      { field: "scenario" },
    );
  }
  const nextRunAt = input.enabled ? nextRun(parseCron(input.cron), now, input.blocked) : null;
  if (input.enabled && !nextRunAt)
    throw new ActionError("BAD_REQUEST", "cron: no run outside the blocked windows within two years.", {
      field: "cron",
    });
  const scenario = storedScenario(input.scenario);
  const data = { enabled: input.enabled, cron: input.cron, scenario, blocked: toJson(input.blocked), nextRunAt };
  return db.$transaction(async (tx) => {
    const row = await tx.drillSchedule.upsert({
      where: { clusterId: cluster.id },
      create: { clusterId: cluster.id, ...data },
      update: data,
      select: SELECT,
    });
    await appendAudit(tx, {
      actorId: actor.id,
      actor: actor.email,
      action: "drill.schedule",
      target: clusterName,
      outcome: input.enabled
        ? `${input.scenario} ${describeCron(input.cron)}; next ${nextRunAt?.toISOString()}`
        : "off",
      details: toJson({ cron: input.cron, scenario: input.scenario, blocked: input.blocked }),
    });
    return shape(clusterName, row);
  });
}

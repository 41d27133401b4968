import { z } from "zod";
import { abortDrill, advanceDrill } from "../../drills/operator.ts";
import { drillNamedRefs } from "../../drills/named-refs.ts";
import { drillDocument, listDrills } from "../../drills/read.ts";
import { drillPlanFor, startDrill } from "../../drills/request.ts";
import { listSchedules, scheduleInputSchema, setSchedule } from "../../drills/schedules.ts";
import { PHASES } from "../../../lib/drills.ts";
import { drillPlanRequestSchema, drillStartSchema } from "../../drills/types.ts";
import { inputDate } from "../../security/safe-input.ts";
import { found } from "../errors.ts";
import { byId, clusterName, id, limit, reason } from "../fields.ts";
import { createTRPCRouter, operatorProcedure, viewerProcedure } from "../init.ts";

export const drillsRouter = createTRPCRouter({
  plan: operatorProcedure
    .input(drillPlanRequestSchema.extend({ cluster: clusterName }))
    .query(({ ctx, input: { cluster, ...request } }) => drillPlanFor(ctx.db, cluster, request)),
  start: operatorProcedure
    .input(drillStartSchema.extend({ cluster: clusterName }))
    .mutation(({ ctx, input: { cluster, ...request } }) =>
      startDrill(ctx.db, ctx.user, cluster, request, { unattended: false }),
    ),
  /** The drill with the links its phases and events name (its cluster, nodes and failover). */
  get: viewerProcedure.input(byId).query(async ({ ctx, input }) => {
    const drill = found(await drillDocument(ctx.db, input.id), `No drill ${input.id}.`);
    return { ...drill, refs: await drillNamedRefs(ctx.db, drill) };
  }),
  list: viewerProcedure
    .input(z.object({ cluster: clusterName.optional(), limit, before: inputDate.optional() }))
    .query(({ ctx, input }) => listDrills(ctx.db, input)),
  advance: operatorProcedure
    .input(z.object({ id, phase: z.enum(PHASES) }))
    .mutation(({ ctx, input }) => advanceDrill(ctx.db, ctx.user, input.id, input.phase)),
  abort: operatorProcedure
    .input(z.object({ id, reason }))
    .mutation(({ ctx, input }) => abortDrill(ctx.db, ctx.user, input.id, input.reason)),
  schedules: viewerProcedure.query(({ ctx }) => listSchedules(ctx.db)),
  setSchedule: operatorProcedure
    .input(scheduleInputSchema.extend({ cluster: clusterName }))
    .mutation(({ ctx, input: { cluster, ...schedule } }) => setSchedule(ctx.db, ctx.user, cluster, schedule)),
});

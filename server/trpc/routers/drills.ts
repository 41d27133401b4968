import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { abortDrill, advanceDrill } from "../../drills/operator.ts";
import { drillDocument, listDrills } from "../../drills/read.ts";
import { drillPlanFor, startDrill } from "../../drills/request.ts";
import { listSchedules, scheduleInputSchema, setSchedule } from "../../drills/schedules.ts";
import { drillPlanRequestSchema, drillStartSchema, PHASES } from "../../drills/types.ts";
import { idText, inputDate, nameText, safeText } from "../../security/safe-input.ts";
import { createTRPCRouter, operatorProcedure, viewerProcedure } from "../init.ts";
import { translate } from "../translate.ts";

export const drillsRouter = createTRPCRouter({
  plan: operatorProcedure
    .input(drillPlanRequestSchema.extend({ cluster: nameText }))
    .query(({ ctx, input: { cluster, ...request } }) => translate(drillPlanFor(ctx.db, cluster, request))),
  start: operatorProcedure
    .input(drillStartSchema.extend({ cluster: nameText }))
    .mutation(({ ctx, input: { cluster, ...request } }) => translate(startDrill(ctx.db, ctx.user, cluster, request, { unattended: false }))),
  get: viewerProcedure.input(z.object({ id: idText })).query(async ({ ctx, input }) => {
    const drill = await drillDocument(ctx.db, input.id);
    if (!drill) throw new TRPCError({ code: "NOT_FOUND", message: `No drill ${input.id}.` });
    return drill;
  }),
  list: viewerProcedure
    .input(z.object({ cluster: nameText.optional(), limit: z.number().int().min(1).max(200).default(50), before: inputDate.optional() }))
    .query(({ ctx, input }) => listDrills(ctx.db, input)),
  advance: operatorProcedure
    .input(z.object({ id: idText, phase: z.enum(PHASES) }))
    .mutation(({ ctx, input }) => translate(advanceDrill(ctx.db, ctx.user, input.id, input.phase))),
  abort: operatorProcedure
    .input(z.object({ id: idText, reason: safeText(1000).trim().min(3, "give a reason (at least 3 characters)") }))
    .mutation(({ ctx, input }) => translate(abortDrill(ctx.db, ctx.user, input.id, input.reason))),
  schedules: viewerProcedure.query(({ ctx }) => listSchedules(ctx.db)),
  setSchedule: operatorProcedure
    .input(scheduleInputSchema.extend({ cluster: nameText }))
    .mutation(({ ctx, input: { cluster, ...schedule } }) => translate(setSchedule(ctx.db, ctx.user, cluster, schedule))),
});

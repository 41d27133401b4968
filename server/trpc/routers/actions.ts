import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { approveAction } from "../../actions/approve.ts";
import { liftCooldown } from "../../actions/cooldown.ts";
import { actionDocument } from "../../actions/read.ts";
import { planFor, requestAction } from "../../actions/request.ts";
import { planRequestSchema, rollbackOf, runRequestSchema } from "../../actions/types.ts";
import { idText, nameText, safeText } from "../../security/safe-input.ts";
import { createTRPCRouter, operatorProcedure, viewerProcedure } from "../init.ts";
import { translate } from "../translate.ts";

export const actionsRouter = createTRPCRouter({
  plan: operatorProcedure
    .input(planRequestSchema.extend({ cluster: nameText }))
    .mutation(async ({ ctx, input: { cluster, ...request } }) => {
      const plan = await translate(planFor(ctx.db, ctx.user, cluster, request));
      return { ...plan, steps: plan.steps.map((s) => ({ name: s.name, estimateMs: s.estimateMs, rollback: rollbackOf(s.spec).map((r) => r.name) })) };
    }),
  run: operatorProcedure
    .input(runRequestSchema.extend({ cluster: nameText }))
    .mutation(({ ctx, input: { cluster, ...request } }) => translate(requestAction(ctx.db, ctx.user, cluster, request))),
  get: viewerProcedure.input(z.object({ id: idText })).query(async ({ ctx, input }) => {
    const action = await actionDocument(ctx.db, input.id);
    if (!action) throw new TRPCError({ code: "NOT_FOUND", message: `No action ${input.id}.` });
    return action;
  }),
  approve: operatorProcedure.input(z.object({ id: idText })).mutation(({ ctx, input }) => translate(approveAction(ctx.db, ctx.user, input.id))),
  liftCooldown: operatorProcedure
    .input(z.object({ cluster: nameText, reason: safeText(1000).trim().min(3, "Give a reason (at least 3 characters)") }))
    .mutation(async ({ ctx, input }) => {
      const lifted = await liftCooldown(ctx.db, ctx.user, input.cluster, input.reason);
      if (!lifted) throw new TRPCError({ code: "NOT_FOUND", message: `No cluster named ${input.cluster}.` });
      return lifted;
    }),
});

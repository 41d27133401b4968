import { z } from "zod";
import { approveAction } from "../../actions/approve.ts";
import { liftCooldown } from "../../actions/cooldown.ts";
import { actionListQuerySchema, listActions } from "../../actions/list.ts";
import { actionDocument } from "../../actions/read.ts";
import { planFor, requestAction } from "../../actions/request.ts";
import { planRequestSchema, rollbackOf, runRequestSchema } from "../../actions/types.ts";
import { found } from "../errors.ts";
import { byId, clusterName, reason } from "../fields.ts";
import { createTRPCRouter, operatorProcedure, viewerProcedure } from "../init.ts";

export const actionsRouter = createTRPCRouter({
  /** Judges the guards and changes nothing (the plan is audited as asked for): a query. */
  plan: operatorProcedure
    .input(planRequestSchema.extend({ cluster: clusterName }))
    .query(async ({ ctx, input: { cluster, ...request } }) => {
      const plan = await planFor(ctx.db, ctx.user, cluster, request);
      const steps = plan.steps.map((s) => ({
        name: s.name,
        estimateMs: s.estimateMs,
        rollback: rollbackOf(s.spec).map((r) => r.name),
      }));
      return { ...plan, steps };
    }),
  run: operatorProcedure
    .input(runRequestSchema.extend({ cluster: clusterName }))
    .mutation(({ ctx, input: { cluster, ...request } }) => requestAction(ctx.db, ctx.user, cluster, request)),
  get: viewerProcedure
    .input(byId)
    .query(async ({ ctx, input }) => found(await actionDocument(ctx.db, input.id), `No action ${input.id}.`)),
  list: viewerProcedure.input(actionListQuerySchema).query(({ ctx, input }) => listActions(ctx.db, input)),
  approve: operatorProcedure.input(byId).mutation(({ ctx, input }) => approveAction(ctx.db, ctx.user, input.id)),
  liftCooldown: operatorProcedure
    .input(z.object({ cluster: clusterName, reason }))
    .mutation(async ({ ctx, input }) =>
      found(await liftCooldown(ctx.db, ctx.user, input.cluster, input.reason), `No cluster named ${input.cluster}.`),
    ),
});

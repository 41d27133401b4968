import { z } from "zod";
import { activeSilences, endSilence, silenceCluster } from "../../alerts/silences.ts";
import { found } from "../errors.ts";
import { clusterName, id, reason } from "../fields.ts";
import { createTRPCRouter, operatorProcedure, viewerProcedure } from "../init.ts";

const minutes = z
  .number()
  .int()
  .min(1, "minutes: at least 1")
  .max(7 * 24 * 60, "minutes: at most a week");

export const silencesRouter = createTRPCRouter({
  active: viewerProcedure
    .input(z.object({ cluster: clusterName }))
    .query(({ ctx, input }) => activeSilences(ctx.db, input.cluster)),
  create: operatorProcedure
    .input(z.object({ cluster: clusterName, minutes, reason }))
    .mutation(async ({ ctx, input }) =>
      found(
        await silenceCluster(ctx.db, ctx.user, input.cluster, input.minutes, input.reason),
        `No cluster named ${input.cluster}.`,
      ),
    ),
  end: operatorProcedure
    .input(z.object({ id, reason }))
    .mutation(async ({ ctx, input }) =>
      found(await endSilence(ctx.db, ctx.user, input.id, input.reason), "No such silence."),
    ),
});

import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { activeSilences, endSilence, silenceCluster } from "../../alerts/silences.ts";
import { idText, nameText, safeText } from "../../security/safe-input.ts";
import { createTRPCRouter, operatorProcedure, viewerProcedure } from "../init.ts";

const reason = safeText(1000).trim().min(3, "Give a reason (at least 3 characters)");

export const silencesRouter = createTRPCRouter({
  active: viewerProcedure.input(z.object({ cluster: nameText })).query(({ ctx, input }) => activeSilences(ctx.db, input.cluster)),
  create: operatorProcedure
    .input(z.object({ cluster: nameText, minutes: z.number().int().min(1, "minutes: at least 1").max(7 * 24 * 60, "minutes: at most a week"), reason }))
    .mutation(async ({ ctx, input }) => {
      const silence = await silenceCluster(ctx.db, ctx.user, input.cluster, input.minutes, input.reason);
      if (!silence) throw new TRPCError({ code: "NOT_FOUND", message: `No cluster named ${input.cluster}.` });
      return silence;
    }),
  end: operatorProcedure.input(z.object({ id: idText, reason })).mutation(async ({ ctx, input }) => {
    const ended = await endSilence(ctx.db, ctx.user, input.id, input.reason);
    if (!ended) throw new TRPCError({ code: "NOT_FOUND", message: "No such silence." });
    return ended;
  }),
});

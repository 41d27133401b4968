import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { listClusterSummaries } from "../../fleet/overview.ts";
import { setClusterPaused } from "../../fleet/pause.ts";
import { createTRPCRouter, operatorProcedure, viewerProcedure } from "../init.ts";

export const fleetRouter = createTRPCRouter({
  overview: viewerProcedure.query(({ ctx }) => listClusterSummaries(ctx.db)),
  setPaused: operatorProcedure
    .input(
      z.object({
        cluster: z.string().min(1).max(200),
        paused: z.boolean(),
        reason: z.string().trim().min(3, "Give a reason (at least 3 characters)").max(1000),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const result = await setClusterPaused(ctx.db, ctx.user, input.cluster, input.paused, input.reason);
      if (!result) throw new TRPCError({ code: "NOT_FOUND", message: `No cluster named ${input.cluster}.` });
      return result;
    }),
});

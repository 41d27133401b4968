import { z } from "zod";
import { haltState, setHalt } from "../../halt/halt.ts";
import { safeText } from "../../security/safe-input.ts";
import { createTRPCRouter, operatorProcedure, viewerProcedure } from "../init.ts";

export const haltRouter = createTRPCRouter({
  state: viewerProcedure.query(({ ctx }) => haltState(ctx.db)),
  set: operatorProcedure
    .input(z.object({ active: z.boolean(), reason: safeText(1000).trim().min(3, "Give a reason (at least 3 characters)") }))
    .mutation(({ ctx, input }) => setHalt(ctx.db, ctx.user, input.active, input.reason)),
});

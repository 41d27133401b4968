import { z } from "zod";
import { haltState, setHalt } from "../../halt/halt.ts";
import { reason } from "../fields.ts";
import { createTRPCRouter, operatorProcedure, viewerProcedure } from "../init.ts";

export const haltRouter = createTRPCRouter({
  state: viewerProcedure.query(({ ctx }) => haltState(ctx.db)),
  set: operatorProcedure
    .input(z.object({ active: z.boolean(), reason }))
    .mutation(({ ctx, input }) => setHalt(ctx.db, ctx.user, input.active, input.reason)),
});

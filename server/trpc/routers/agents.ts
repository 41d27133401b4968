import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { listAgentTokens, rotateAgentToken } from "../../agents/tokens.ts";
import { nameText } from "../../security/safe-input.ts";
import { adminProcedure, createTRPCRouter, viewerProcedure } from "../init.ts";

export const agentsRouter = createTRPCRouter({
  list: viewerProcedure.query(({ ctx }) => listAgentTokens(ctx.db)),
  rotateToken: adminProcedure
    .input(z.object({ cluster: nameText, node: nameText }))
    .mutation(async ({ ctx, input }) => {
      const result = await rotateAgentToken(ctx.db, ctx.user, input.cluster, input.node);
      if (!result) throw new TRPCError({ code: "NOT_FOUND", message: `No node ${input.node} in cluster ${input.cluster}.` });
      return result;
    }),
});

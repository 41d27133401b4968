import { z } from "zod";
import { listAgentTokens, rotateAgentToken } from "../../agents/tokens.ts";
import { found } from "../errors.ts";
import { clusterName, nodeName } from "../fields.ts";
import { adminProcedure, createTRPCRouter, viewerProcedure } from "../init.ts";

export const agentsRouter = createTRPCRouter({
  list: viewerProcedure.query(({ ctx }) => listAgentTokens(ctx.db)),
  rotateToken: adminProcedure
    .input(z.object({ cluster: clusterName, node: nodeName }))
    .mutation(async ({ ctx, input }) =>
      found(
        await rotateAgentToken(ctx.db, ctx.user, input.cluster, input.node),
        `No node ${input.node} in cluster ${input.cluster}.`,
      ),
    ),
});

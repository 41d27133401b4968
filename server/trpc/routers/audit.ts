import { auditQuerySchema, listAudit } from "../../audit/list.ts";
import { verifyChain } from "../../audit/verify.ts";
import { createTRPCRouter, viewerProcedure } from "../init.ts";

export const auditRouter = createTRPCRouter({
  list: viewerProcedure.input(auditQuerySchema).query(({ ctx, input }) => listAudit(ctx.db, input)),
  chain: viewerProcedure.query(({ ctx }) => verifyChain(ctx.db)),
});

import { auditQuerySchema, listAudit } from "../../audit/list.ts";
import { chainStatus } from "../../audit/status.ts";
import { adminProcedure, createTRPCRouter, viewerProcedure } from "../init.ts";

export const auditRouter = createTRPCRouter({
  list: viewerProcedure.input(auditQuerySchema).query(({ ctx, input }) => listAudit(ctx.db, input)),
  chain: viewerProcedure.query(({ ctx }) => chainStatus(ctx.db)),
  /** Walks the whole log now (the leader does it nightly); nothing is recorded. */
  fullWalk: adminProcedure.mutation(({ ctx }) => chainStatus(ctx.db, { full: true })),
});

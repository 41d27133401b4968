import { linkAuditRows } from "../../audit/linked.ts";
import { auditQuerySchema, listAudit } from "../../audit/list.ts";
import { chainStatus } from "../../audit/status.ts";
import { adminProcedure, createTRPCRouter, viewerProcedure } from "../init.ts";

export const auditRouter = createTRPCRouter({
  /** The entries with the action, drill, cluster and nodes they name, as links. */
  list: viewerProcedure
    .input(auditQuerySchema)
    .query(async ({ ctx, input }) => linkAuditRows(ctx.db, await listAudit(ctx.db, input))),
  chain: viewerProcedure.query(({ ctx }) => chainStatus(ctx.db)),
  /** Walks the whole log now (the leader does it nightly); nothing is recorded. */
  fullWalk: adminProcedure.mutation(({ ctx }) => chainStatus(ctx.db, { full: true })),
});

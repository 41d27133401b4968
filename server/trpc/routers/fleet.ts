import { listClusterSummaries } from "../../fleet/overview.ts";
import { createTRPCRouter, publicProcedure } from "../init.ts";

export const fleetRouter = createTRPCRouter({
  overview: publicProcedure.query(({ ctx }) => listClusterSummaries(ctx.db)),
});

import { z } from "zod";
import { hooksSchema } from "../../hooks/hook-input.ts";
import { listHooks, replaceHooks } from "../../hooks/hooks.ts";
import { routesInputSchema } from "../../routes/route-input.ts";
import { listRoutes, replaceRoutes } from "../../routes/routes.ts";
import { found } from "../errors.ts";
import { clusterName, reason } from "../fields.ts";
import { adminProcedure, createTRPCRouter } from "../init.ts";

const noCluster = (name: string) => `No cluster named ${name}.`;

// Admins only, reads too: a hook's URL or argv may hold a token, like a webhook's URL.
export const hooksRouter = createTRPCRouter({
  hooks: adminProcedure
    .input(z.object({ cluster: clusterName }))
    .query(async ({ ctx, input }) => found(await listHooks(ctx.db, input.cluster), noCluster(input.cluster))),
  replaceHooks: adminProcedure
    .input(z.object({ cluster: clusterName, hooks: hooksSchema, reason }))
    .mutation(async ({ ctx, input }) =>
      found(await replaceHooks(ctx.db, ctx.user, input.cluster, input.hooks, input.reason), noCluster(input.cluster)),
    ),
  routes: adminProcedure
    .input(z.object({ cluster: clusterName }))
    .query(async ({ ctx, input }) => found(await listRoutes(ctx.db, input.cluster), noCluster(input.cluster))),
  replaceRoutes: adminProcedure
    .input(routesInputSchema.extend({ cluster: clusterName, reason }))
    .mutation(async ({ ctx, input }) => {
      const { cluster, reason: why, ...routes } = input;
      return found(await replaceRoutes(ctx.db, ctx.user, cluster, routes, why), noCluster(cluster));
    }),
});

import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { clusterDetail, recentEvents } from "../../fleet/cluster-detail.ts";
import { listClusterSummaries } from "../../fleet/overview.ts";
import { clusterSeries, RANGES, type Range } from "../../fleet/series.ts";
import { setClusterPaused, setNodePaused } from "../../fleet/pause.ts";
import { clusterSettingsSchema, updateClusterSettings } from "../../fleet/settings.ts";
import { nameText, safeText } from "../../security/safe-input.ts";
import { adminProcedure, createTRPCRouter, operatorProcedure, viewerProcedure } from "../init.ts";

export const fleetRouter = createTRPCRouter({
  overview: viewerProcedure.query(({ ctx }) => listClusterSummaries(ctx.db)),
  cluster: viewerProcedure.input(z.object({ name: nameText })).query(async ({ ctx, input }) => {
    const cluster = await clusterDetail(ctx.db, input.name);
    if (!cluster) throw new TRPCError({ code: "NOT_FOUND", message: `No cluster named ${input.name}.` });
    return cluster;
  }),
  series: viewerProcedure
    .input(z.object({ name: nameText, range: z.enum(Object.keys(RANGES) as [Range, ...Range[]]) }))
    .query(({ ctx, input }) => clusterSeries(ctx.db, input.name, input.range)),
  events: viewerProcedure
    .input(z.object({ name: nameText, limit: z.number().int().min(1).max(200).default(50) }))
    .query(({ ctx, input }) => recentEvents(ctx.db, input.name, input.limit)),
  updateSettings: adminProcedure
    .input(z.object({ cluster: nameText, settings: clusterSettingsSchema, reason: safeText(1000).trim().min(3, "Give a reason (at least 3 characters)") }))
    .mutation(async ({ ctx, input }) => {
      const result = await updateClusterSettings(ctx.db, ctx.user, input.cluster, input.settings, input.reason);
      if (!result) throw new TRPCError({ code: "NOT_FOUND", message: `No cluster named ${input.cluster}.` });
      return result;
    }),
  setNodePaused: operatorProcedure
    .input(
      z.object({
        cluster: nameText,
        node: nameText,
        paused: z.boolean(),
        reason: safeText(1000).trim().min(3, "Give a reason (at least 3 characters)"),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const result = await setNodePaused(ctx.db, ctx.user, input.cluster, input.node, input.paused, input.reason);
      if (!result) throw new TRPCError({ code: "NOT_FOUND", message: `No node ${input.node} in cluster ${input.cluster}.` });
      return result;
    }),
  setPaused: operatorProcedure
    .input(
      z.object({
        cluster: nameText,
        paused: z.boolean(),
        reason: safeText(1000).trim().min(3, "Give a reason (at least 3 characters)"),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const result = await setClusterPaused(ctx.db, ctx.user, input.cluster, input.paused, input.reason);
      if (!result) throw new TRPCError({ code: "NOT_FOUND", message: `No cluster named ${input.cluster}.` });
      return result;
    }),
});

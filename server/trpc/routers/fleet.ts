import { z } from "zod";
import { CHART_RANGES } from "../../../lib/chart-ranges.ts";
import { clusterDetail, recentEvents } from "../../fleet/cluster-detail.ts";
import { openCriticalConditions } from "../../fleet/critical.ts";
import { listClusterSummaries } from "../../fleet/overview.ts";
import { chartMarkers } from "../../fleet/chart-markers.ts";
import { clusterSeries } from "../../fleet/series.ts";
import { setClusterPaused, setNodePaused } from "../../fleet/pause.ts";
import { clusterSettingsSchema, updateClusterSettings } from "../../fleet/settings.ts";
import { found } from "../errors.ts";
import { clusterName, limit, nodeName, reason, timeSpan } from "../fields.ts";
import { adminProcedure, createTRPCRouter, operatorProcedure, viewerProcedure } from "../init.ts";

const noCluster = (name: string) => `No cluster named ${name}.`;

export const fleetRouter = createTRPCRouter({
  overview: viewerProcedure.query(({ ctx }) => listClusterSummaries(ctx.db)),
  critical: viewerProcedure.query(({ ctx }) => openCriticalConditions(ctx.db)),
  cluster: viewerProcedure
    .input(z.object({ name: clusterName }))
    .query(async ({ ctx, input }) => found(await clusterDetail(ctx.db, input.name), noCluster(input.name))),
  /** A named range ending now, or the span a chart was zoomed to. */
  series: viewerProcedure
    .input(z.object({ name: clusterName, range: z.enum(CHART_RANGES), span: timeSpan.optional() }))
    .query(({ ctx, input }) => clusterSeries(ctx.db, input.name, input.span ?? input.range)),
  markers: viewerProcedure
    .input(z.object({ name: clusterName, span: timeSpan }))
    .query(({ ctx, input }) => chartMarkers(ctx.db, input.name, new Date(input.span.from), new Date(input.span.to))),
  events: viewerProcedure
    .input(z.object({ name: clusterName, limit }))
    .query(({ ctx, input }) => recentEvents(ctx.db, input.name, input.limit)),
  updateSettings: adminProcedure
    .input(z.object({ cluster: clusterName, settings: clusterSettingsSchema, reason }))
    .mutation(async ({ ctx, input }) =>
      found(
        await updateClusterSettings(ctx.db, ctx.user, input.cluster, input.settings, input.reason),
        noCluster(input.cluster),
      ),
    ),
  setNodePaused: operatorProcedure
    .input(z.object({ cluster: clusterName, node: nodeName, paused: z.boolean(), reason }))
    .mutation(async ({ ctx, input }) =>
      found(
        await setNodePaused(ctx.db, ctx.user, input.cluster, input.node, input.paused, input.reason),
        `No node ${input.node} in cluster ${input.cluster}.`,
      ),
    ),
  setPaused: operatorProcedure
    .input(z.object({ cluster: clusterName, paused: z.boolean(), reason }))
    .mutation(async ({ ctx, input }) =>
      found(
        await setClusterPaused(ctx.db, ctx.user, input.cluster, input.paused, input.reason),
        noCluster(input.cluster),
      ),
    ),
});

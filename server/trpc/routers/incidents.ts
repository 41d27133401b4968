import { z } from "zod";
import { incidentId } from "../../incidents/id.ts";
import { incidentDetail, listIncidents } from "../../incidents/read.ts";
import { found } from "../errors.ts";
import { clusterName, limit } from "../fields.ts";
import { createTRPCRouter, viewerProcedure } from "../init.ts";

export const incidentsRouter = createTRPCRouter({
  list: viewerProcedure
    .input(z.object({ cluster: clusterName, limit }))
    .query(async ({ ctx, input }) =>
      found(await listIncidents(ctx.db, input.cluster, input.limit), `No cluster named ${input.cluster}.`),
    ),
  get: viewerProcedure
    .input(z.object({ id: incidentId }))
    .query(async ({ ctx, input }) => found(await incidentDetail(ctx.db, input.id), `No incident ${input.id}.`)),
});

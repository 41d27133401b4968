import { z } from "zod";
import { deliveryLog, redeliver } from "../../alerts/deliveries.ts";
import {
  createEndpoint,
  deleteEndpoint,
  endpointInputSchema,
  listEndpoints,
  rotateEndpointSecret,
  setEndpointEnabled,
} from "../../alerts/endpoints.ts";
import { sendAuditedTestEvent } from "../../alerts/audited-test-send.ts";
import { configuredEgress } from "../../alerts/egress/configured.ts";
import { found } from "../errors.ts";
import { byId } from "../fields.ts";
import { adminProcedure, createTRPCRouter } from "../init.ts";

const NO_ENDPOINT = "No such webhook endpoint.";

export const webhooksRouter = createTRPCRouter({
  list: adminProcedure.query(({ ctx }) => listEndpoints(ctx.db)),
  create: adminProcedure
    .input(endpointInputSchema)
    .mutation(({ ctx, input }) => createEndpoint(ctx.db, ctx.user, input)),
  rotateSecret: adminProcedure
    .input(byId)
    .mutation(async ({ ctx, input }) => found(await rotateEndpointSecret(ctx.db, ctx.user, input.id), NO_ENDPOINT)),
  setEnabled: adminProcedure
    .input(byId.extend({ enabled: z.boolean() }))
    .mutation(async ({ ctx, input }) =>
      found(await setEndpointEnabled(ctx.db, ctx.user, input.id, input.enabled), NO_ENDPOINT),
    ),
  remove: adminProcedure
    .input(byId)
    .mutation(async ({ ctx, input }) => found(await deleteEndpoint(ctx.db, ctx.user, input.id), NO_ENDPOINT)),
  sendTest: adminProcedure
    .input(byId)
    .mutation(async ({ ctx, input }) =>
      found(await sendAuditedTestEvent(ctx.db, ctx.user, input.id, configuredEgress(), ctx.origin), NO_ENDPOINT),
    ),
  deliveries: adminProcedure
    .input(byId)
    .query(async ({ ctx, input }) => found(await deliveryLog(ctx.db, input.id), NO_ENDPOINT)),
  redeliver: adminProcedure
    .input(byId)
    .mutation(async ({ ctx, input }) => found(await redeliver(ctx.db, ctx.user, input.id), "No such delivery.")),
});

import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { deliveryLog, redeliver } from "../../alerts/deliveries.ts";
import { createEndpoint, deleteEndpoint, endpointInputSchema, listEndpoints, rotateEndpointSecret, setEndpointEnabled } from "../../alerts/endpoints.ts";
import { sendAuditedTestEvent } from "../../alerts/audited-test-send.ts";
import { configuredEgress } from "../../alerts/egress/configured.ts";
import { env } from "../../env.ts";
import { idText } from "../../security/safe-input.ts";
import { adminProcedure, createTRPCRouter } from "../init.ts";

const id = z.object({ id: idText });

function found<T>(value: T | null | false, what: string): T {
  if (!value) throw new TRPCError({ code: "NOT_FOUND", message: `No such ${what}.` });
  return value;
}

export const webhooksRouter = createTRPCRouter({
  list: adminProcedure.query(({ ctx }) => listEndpoints(ctx.db)),
  create: adminProcedure.input(endpointInputSchema).mutation(({ ctx, input }) => createEndpoint(ctx.db, ctx.user, input)),
  rotateSecret: adminProcedure.input(id).mutation(async ({ ctx, input }) => found(await rotateEndpointSecret(ctx.db, ctx.user, input.id), "webhook endpoint")),
  setEnabled: adminProcedure
    .input(id.extend({ enabled: z.boolean() }))
    .mutation(async ({ ctx, input }) => found(await setEndpointEnabled(ctx.db, ctx.user, input.id, input.enabled), "webhook endpoint")),
  remove: adminProcedure.input(id).mutation(async ({ ctx, input }) => found(await deleteEndpoint(ctx.db, ctx.user, input.id), "webhook endpoint")),
  sendTest: adminProcedure
    .input(id)
    .mutation(async ({ ctx, input }) =>
      found(await sendAuditedTestEvent(ctx.db, ctx.user, input.id, configuredEgress(), env().CONSOLE_PUBLIC_URL), "webhook endpoint"),
    ),
  deliveries: adminProcedure.input(id).query(async ({ ctx, input }) => found(await deliveryLog(ctx.db, input.id), "webhook endpoint")),
  redeliver: adminProcedure.input(id).mutation(async ({ ctx, input }) => found(await redeliver(ctx.db, ctx.user, input.id), "delivery")),
});

import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { deliveryLog, redeliver } from "../../alerts/deliveries.ts";
import { createEndpoint, deleteEndpoint, endpointInputSchema, listEndpoints, rotateEndpointSecret, setEndpointEnabled } from "../../alerts/endpoints.ts";
import { configuredEgress } from "../../alerts/egress/configured.ts";
import { sendTestEvent } from "../../alerts/test-send.ts";
import { appendAudit } from "../../audit/append.ts";
import { env } from "../../env.ts";
import { adminProcedure, createTRPCRouter } from "../init.ts";

const id = z.object({ id: z.string().min(1).max(100) });

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
  // Audited here, after the send: the entry says what the receiver answered (or why there was no answer).
  sendTest: adminProcedure.input(id).mutation(async ({ ctx, input }) => {
    const answer = await sendTestEvent(ctx.db, input.id, configuredEgress(), env().CONSOLE_PUBLIC_URL);
    const sent = found(answer, "webhook endpoint");
    const outcome = sent.statusCode === null ? `no answer: ${sent.error}` : `HTTP ${sent.statusCode}`;
    const { id: actorId, email: actor } = ctx.user;
    const entry = { actorId, actor, action: "webhook.test", target: sent.url, outcome, details: input };
    await ctx.db.$transaction((tx) => appendAudit(tx, entry));
    return sent;
  }),
  deliveries: adminProcedure.input(id).query(async ({ ctx, input }) => found(await deliveryLog(ctx.db, input.id), "webhook endpoint")),
  redeliver: adminProcedure.input(id).mutation(async ({ ctx, input }) => found(await redeliver(ctx.db, ctx.user, input.id), "delivery")),
});

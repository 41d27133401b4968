import { z } from "zod";
import { acknowledgeAlert } from "../../alerts/acknowledge.ts";
import { alertNote } from "../../alerts/alert-input.ts";
import { listAlerts } from "../../alerts/alert-list.ts";
import { found } from "../errors.ts";
import { id } from "../fields.ts";
import { createTRPCRouter, operatorProcedure, viewerProcedure } from "../init.ts";

/** The page shows the alerts resolved in the last week, at most this many. */
const RESOLVED_SHOWN = 100;
const WEEK_MS = 7 * 24 * 3_600_000;

export const alertsRouter = createTRPCRouter({
  list: viewerProcedure.query(({ ctx }) =>
    listAlerts(ctx.db, { state: "all", resolvedSince: new Date(Date.now() - WEEK_MS), resolvedLimit: RESOLVED_SHOWN }),
  ),
  ack: operatorProcedure
    .input(z.object({ id, note: alertNote }))
    .mutation(async ({ ctx, input }) =>
      found(await acknowledgeAlert(ctx.db, ctx.user, input.id, input.note ?? null), "No such alert."),
    ),
});

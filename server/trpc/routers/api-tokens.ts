import { z } from "zod";
import { createApiToken, listApiTokens, revokeApiToken } from "../../api-tokens/tokens.ts";
import { roleSchema } from "../../../lib/roles.ts";
import { safeText } from "../../security/safe-input.ts";
import { found } from "../errors.ts";
import { byId } from "../fields.ts";
import { adminProcedure, createTRPCRouter } from "../init.ts";

export const apiTokensRouter = createTRPCRouter({
  list: adminProcedure.query(({ ctx }) => listApiTokens(ctx.db)),
  create: adminProcedure
    .input(
      z.object({
        name: safeText(100).trim().min(2, "Name the token after what uses it (at least 2 characters)"),
        userEmail: z.string().trim().toLowerCase().email("userEmail must be an email address").optional(),
        // Least privilege unless asked: a token for reading dashboards needs no more.
        role: roleSchema.default("viewer"),
      }),
    )
    .mutation(async ({ ctx, input }) =>
      found(await createApiToken(ctx.db, ctx.user, input), `No user with email ${input.userEmail}.`),
    ),
  revoke: adminProcedure
    .input(byId)
    .mutation(async ({ ctx, input }) => found(await revokeApiToken(ctx.db, ctx.user, input.id), "No such API token.")),
});

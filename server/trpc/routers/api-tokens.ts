import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { createApiToken, listApiTokens, revokeApiToken, TokenRoleError } from "../../api-tokens/tokens.ts";
import { roleSchema } from "../../auth/roles.ts";
import { idText, safeText } from "../../security/safe-input.ts";
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
    .mutation(async ({ ctx, input }) => {
      const created = await createApiToken(ctx.db, ctx.user, input).catch((error: unknown) => {
        if (error instanceof TokenRoleError) throw new TRPCError({ code: "BAD_REQUEST", message: error.message });
        throw error;
      });
      if (!created) throw new TRPCError({ code: "NOT_FOUND", message: `No user with email ${input.userEmail}.` });
      return created;
    }),
  revoke: adminProcedure.input(z.object({ id: idText })).mutation(async ({ ctx, input }) => {
    const revoked = await revokeApiToken(ctx.db, ctx.user, input.id);
    if (!revoked) throw new TRPCError({ code: "NOT_FOUND", message: "No such API token." });
    return revoked;
  }),
});

import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { PASSWORD_MIN_LENGTH } from "../../auth/auth.ts";
import { createFirstAdmin, hasUsers } from "../../auth/first-admin.ts";
import { safeText } from "../../security/safe-input.ts";
import { createTRPCRouter, publicProcedure } from "../init.ts";

export const newAdminInput = z.object({
  name: safeText(100).trim().min(1, "Enter a name"),
  email: z.string().trim().toLowerCase().email("Enter a valid email address").max(254),
  password: safeText(256).min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`),
});

export const setupRouter = createTRPCRouter({
  status: publicProcedure.query(async ({ ctx }) => ({ needed: !(await hasUsers(ctx.db)) })),
  createFirstAdmin: publicProcedure.input(newAdminInput).mutation(async ({ ctx, input }) => {
    const admin = await createFirstAdmin(ctx.db, input);
    if (!admin) throw new TRPCError({ code: "CONFLICT", message: "The console is already set up. Sign in instead." });
    return { email: admin.email };
  }),
});

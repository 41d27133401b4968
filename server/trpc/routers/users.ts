import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { roleSchema } from "../../auth/roles.ts";
import { UserExistsError } from "../../auth/users.ts";
import { idText } from "../../security/safe-input.ts";
import {
  addUser,
  listUsers,
  NoLongerAdminError,
  removeUser,
  resetPassword,
  setRole,
  UserRuleError,
} from "../../users/manage.ts";
import { adminProcedure, createTRPCRouter } from "../init.ts";
import { newAdminInput } from "./setup.ts";

const userId = z.object({ userId: idText });

function orNotFound<T>(value: T | null): T {
  if (value === null) throw new TRPCError({ code: "NOT_FOUND", message: "No such user." });
  return value;
}

async function translate<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof UserRuleError) throw new TRPCError({ code: "CONFLICT", message: error.message });
    if (error instanceof NoLongerAdminError) throw new TRPCError({ code: "FORBIDDEN", message: error.message });
    if (error instanceof UserExistsError) throw new TRPCError({ code: "CONFLICT", message: error.message });
    throw error;
  }
}

export const usersRouter = createTRPCRouter({
  list: adminProcedure.query(({ ctx }) => listUsers(ctx.db)),
  create: adminProcedure
    .input(newAdminInput.extend({ role: roleSchema }))
    .mutation(({ ctx, input }) => translate(addUser(ctx.db, ctx.user, input))),
  setRole: adminProcedure
    .input(userId.extend({ role: roleSchema }))
    .mutation(async ({ ctx, input }) => orNotFound(await translate(setRole(ctx.db, ctx.user, input.userId, input.role)))),
  remove: adminProcedure
    .input(userId)
    .mutation(async ({ ctx, input }) => orNotFound(await translate(removeUser(ctx.db, ctx.user, input.userId)))),
  resetPassword: adminProcedure
    .input(userId.extend({ password: newAdminInput.shape.password }))
    .mutation(async ({ ctx, input }) => orNotFound(await resetPassword(ctx.db, ctx.user, input.userId, input.password))),
});

import { z } from "zod";
import { roleSchema } from "../../../lib/roles.ts";
import { addUser, listUsers, removeUser, resetPassword, setRole } from "../../users/manage.ts";
import { found } from "../errors.ts";
import { id } from "../fields.ts";
import { adminProcedure, createTRPCRouter } from "../init.ts";
import { newAdminInput } from "./setup.ts";

const userId = z.object({ userId: id });
const NO_USER = "No such user.";

export const usersRouter = createTRPCRouter({
  list: adminProcedure.query(({ ctx }) => listUsers(ctx.db)),
  create: adminProcedure
    .input(newAdminInput.extend({ role: roleSchema }))
    .mutation(({ ctx, input }) => addUser(ctx.db, ctx.user, input)),
  setRole: adminProcedure
    .input(userId.extend({ role: roleSchema }))
    .mutation(async ({ ctx, input }) => found(await setRole(ctx.db, ctx.user, input.userId, input.role), NO_USER)),
  remove: adminProcedure
    .input(userId)
    .mutation(async ({ ctx, input }) => found(await removeUser(ctx.db, ctx.user, input.userId), NO_USER)),
  resetPassword: adminProcedure
    .input(userId.extend({ password: newAdminInput.shape.password }))
    .mutation(async ({ ctx, input }) =>
      found(await resetPassword(ctx.db, ctx.user, input.userId, input.password), NO_USER),
    ),
});

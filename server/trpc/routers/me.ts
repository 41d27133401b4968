import { createTRPCRouter, publicProcedure } from "../init.ts";

export const meRouter = createTRPCRouter({
  /** The signed-in user, or null: the UI uses it to show and hide what a role may do. */
  get: publicProcedure.query(({ ctx }) => ctx.user),
});

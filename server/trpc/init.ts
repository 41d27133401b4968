// tRPC core: context, error shape, the error middleware and the procedure tiers. Routers import
// procedures from here only, so every procedure's role check and error answer lives in this one file.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { sessionUser, type SessionUser } from "../auth/session.ts";
import { hasRole, type Role } from "../../lib/roles.ts";
import { db, type Db } from "../db/client.ts";
import { answerFor } from "./errors.ts";

export interface Context {
  db: Db;
  user: SessionUser | null;
  /** The console's origin as the caller reached it, for absolute links; unset where no request is. */
  origin?: string;
}

export async function createContext(headers: Headers, origin: string | null = null): Promise<Context> {
  return { db: db(), user: await sessionUser(headers), origin: origin ?? undefined };
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    if (!(error.cause instanceof ZodError)) return { ...shape, data: { ...shape.data, fieldErrors: null } };
    const issue = error.cause.issues[0];
    const field = issue?.path.join(".") || "input";
    return {
      ...shape,
      message: `${field}: ${issue?.message ?? "invalid"}`,
      data: { ...shape.data, fieldErrors: error.cause.flatten().fieldErrors },
    };
  },
});

/** Every procedure's failure is answered through errors.ts: refusals keep their code, the unknown hides. */
const convertErrors = t.middleware(async ({ next, path }) => {
  const result = await next();
  return result.ok ? result : { ...result, error: answerFor(result.error, path) };
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Anyone, signed in or not: only for the sign-in and first-run setup flows. */
export const publicProcedure = t.procedure.use(convertErrors);

function requireRole(needed: Role) {
  return publicProcedure.use(({ ctx, next }) => {
    if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
    if (!hasRole(ctx.user.role, needed)) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: `This needs the ${needed} role; you are signed in as ${ctx.user.role}.`,
      });
    }
    return next({ ctx: { ...ctx, user: ctx.user } });
  });
}

export const viewerProcedure = requireRole("viewer");
export const operatorProcedure = requireRole("operator");
export const adminProcedure = requireRole("admin");

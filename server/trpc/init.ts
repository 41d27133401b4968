// tRPC core: context, error shape, procedure tiers. Routers import procedures from here only.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { db, type Db } from "../db/client.ts";

export interface Context {
  db: Db;
}

export function createContext(): Context {
  return { db: db() };
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const zod = error.cause instanceof ZodError ? error.cause.flatten() : null;
    return { ...shape, data: { ...shape.data, fieldErrors: zod?.fieldErrors ?? null } };
  },
});

/** Unknown errors become a plain INTERNAL_SERVER_ERROR: no stack or SQL leaks to the browser. */
const hideInternals = t.middleware(async ({ next, path }) => {
  const result = await next();
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR" && result.error.cause !== undefined) {
    console.error(`tRPC ${path} failed:`, result.error.cause ?? result.error);
    return {
      ...result,
      error: new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "The console could not complete this request. Its log has the details." }),
    };
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(hideInternals);

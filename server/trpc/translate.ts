// An ActionError (actions, drills) as tRPC answers it: the same code and sentence.
import { TRPCError } from "@trpc/server";
import { ActionError } from "../actions/errors.ts";

export async function translate<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ActionError) throw new TRPCError({ code: error.code, message: error.message, cause: error });
    throw error;
  }
}

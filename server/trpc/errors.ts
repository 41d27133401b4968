// What a procedure's caller is told when it fails, decided here once for every procedure: a refusal
// a domain throws keeps its sentence and gets its code; anything unknown is hidden from the browser.
import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { ActionError } from "../actions/errors.ts";
import { TokenRoleError } from "../api-tokens/tokens.ts";
import { UserExistsError } from "../auth/users.ts";
import { NoLongerAdminError, UserRuleError } from "../users/manage.ts";

/** The code of each refusal the domains throw; an ActionError (actions, drills) names its own. */
const REFUSALS: [new (...args: never[]) => Error, TRPC_ERROR_CODE_KEY][] = [
  [TokenRoleError, "BAD_REQUEST"],
  [UserExistsError, "CONFLICT"],
  [UserRuleError, "CONFLICT"],
  [NoLongerAdminError, "FORBIDDEN"],
];

function refusalCode(error: unknown): TRPC_ERROR_CODE_KEY | null {
  if (error instanceof ActionError) return error.code;
  return REFUSALS.find(([kind]) => error instanceof kind)?.[1] ?? null;
}

const HIDDEN = "The console could not complete this request. Its log has the details.";

/**
 * The answer for a failed call. tRPC wraps whatever a procedure throws that is not a TRPCError as an
 * INTERNAL_SERVER_ERROR with the thrown value as its cause; a refusal is unwrapped, the rest is
 * logged and replaced by a plain sentence, so no stack or SQL reaches the browser.
 */
export function answerFor(error: TRPCError, path: string): TRPCError {
  const cause = error.cause;
  if (error.code !== "INTERNAL_SERVER_ERROR" || cause === undefined) return error;
  const code = refusalCode(cause);
  if (code) return new TRPCError({ code, message: cause.message, cause });
  console.error(`tRPC ${path} failed:`, cause);
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: HIDDEN });
}

/** A domain answers null (or false) for what it did not find; the caller gets NOT_FOUND. */
export function found<T>(value: T | null | false, message: string): T {
  if (value === null || value === false) throw new TRPCError({ code: "NOT_FOUND", message });
  return value;
}

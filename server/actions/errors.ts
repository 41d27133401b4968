// Why an action request is refused, in terms both tRPC and the REST API translate.
import type { GuardResult } from "../guards/types.ts";

export type ActionErrorCode = "NOT_FOUND" | "BAD_REQUEST" | "FORBIDDEN" | "CONFLICT";

export class ActionError extends Error {
  constructor(
    readonly code: ActionErrorCode,
    message: string,
    readonly details: { field?: string; guards?: GuardResult[] } = {},
  ) {
    super(message);
  }
}

export const HTTP_STATUS: Record<ActionErrorCode, number> = {
  NOT_FOUND: 404,
  BAD_REQUEST: 400,
  FORBIDDEN: 403,
  CONFLICT: 409,
};

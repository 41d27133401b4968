// An ActionError as the REST API answers it: its status, its words, the failing guards.
import { ActionError, HTTP_STATUS } from "../actions/errors.ts";
import { apiError } from "./authenticate.ts";

export async function answerActionErrors(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ActionError)) throw error;
    return apiError(HTTP_STATUS[error.code], error.code.toLowerCase(), error.message, error.details);
  }
}

// The one error shape of the REST API (server/api/authenticate.ts's apiError): a code, a sentence,
// and the wrong field or the failing guards where there are some.
import { z } from "zod";
import { component } from "./components.ts";

export const guardSchema = component(
  "Guard",
  "One guard's verdict: a stable id, whether it passes, and why.",
  z.object({ id: z.string(), ok: z.boolean(), reason: z.string(), overridable: z.boolean() }),
);

export const apiErrorSchema = component(
  "Error",
  "What every refusal answers: `error` is a code (bad_request, unauthorized, forbidden, not_found, conflict, …).",
  z.object({
    error: z.string(),
    message: z.string(),
    field: z.string().optional().describe("The wrong field, on a 400."),
    guards: z.array(guardSchema).optional().describe("Every guard's verdict, on a 409 refused by guards."),
  }),
);

// Request parts checked with zod: a JSON body (read only up to its limit), a query string and path
// segments; the data, or a 400 (413 for a body too large) naming the wrong field.
import type { z } from "zod";
import { MAX_BODY_BYTES, readBodyWithin, tooLargeMessage } from "../security/body-limit.ts";
import { apiError } from "./authenticate.ts";

function checked<T extends z.ZodType>(schema: T, value: unknown, whole: string): z.infer<T> | Response {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join(".") || whole;
  return apiError(400, "bad_request", `${field}: ${issue?.message ?? "invalid"}`, { field });
}

export async function parseBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T> | Response> {
  const bytes = await readBodyWithin(request, MAX_BODY_BYTES);
  if (!bytes) return apiError(413, "too_large", tooLargeMessage(MAX_BODY_BYTES));
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return apiError(400, "bad_request", "The body is not valid JSON.", { field: "(body)" });
  }
  return checked(schema, body, "(body)");
}

/** A query string checked with zod: the data, or a 400 naming the wrong parameter. */
export function parseQuery<T extends z.ZodType>(request: Request, schema: T): z.infer<T> | Response {
  return checked(schema, Object.fromEntries(new URL(request.url).searchParams), "(query)");
}

/** A route's path segments (Next.js hands them over decoded: %00 arrives as a NUL). */
export async function parseParams<T extends z.ZodType>(
  params: Promise<unknown>,
  schema: T,
): Promise<z.infer<T> | Response> {
  return checked(schema, await params, "(path)");
}

// A JSON request body checked with zod: the data, or a 400 naming the wrong field.
import type { z } from "zod";
import { apiError } from "./authenticate.ts";

const MAX_BODY_BYTES = 64 * 1024;

export async function parseBody<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T> | Response> {
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return apiError(413, "too_large", `A body is at most ${MAX_BODY_BYTES} bytes.`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return apiError(400, "bad_request", "The body is not valid JSON.", { field: "(body)" });
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || "(body)";
    return apiError(400, "bad_request", `${field}: ${issue?.message ?? "invalid"}`, { field });
  }
  return parsed.data;
}

/** A query string checked with zod: the data, or a 400 naming the wrong parameter. */
export function parseQuery<T extends z.ZodType>(request: Request, schema: T): z.infer<T> | Response {
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join(".") || "(query)";
  return apiError(400, "bad_request", `${field}: ${issue?.message ?? "invalid"}`, { field });
}

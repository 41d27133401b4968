// The named shapes of the REST API's answers: each is a component of the OpenAPI document (kept in
// zod's global registry with its id), and an operation that answers with one refers to it by name.
import { z } from "zod";

/** `schema`, kept in the document's components as `id`. */
export function component<T extends z.ZodType>(id: string, description: string, schema: T): T {
  return schema.meta({ id, description });
}

/** The id `schema` is kept under as a component, if it is one. */
export const componentId = (schema: z.ZodType): string | undefined => z.globalRegistry.get(schema)?.id;

/** A time as the API writes it: an ISO 8601 string in UTC. */
export const isoTime = z.iso.datetime();

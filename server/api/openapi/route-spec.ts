// What the OpenAPI document says of one REST route: who may call it, what it takes (the zod
// schemas the route itself parses with) and what it answers.
import type { z } from "zod";
import type { Role } from "../../../lib/roles.ts";

export type Method = "get" | "post" | "put" | "delete";

export interface RouteSpec {
  method: Method;
  /** As the route's folder under app/, with [segment] written {segment}. */
  path: `/api/v1/${string}`;
  summary: string;
  role: Role;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  answer: {
    status: 200 | 201 | 202 | 204;
    description: string;
    /** A component (components.ts); none for an answer without a body. */
    schema?: z.ZodType;
    /** Also answers this text format (asked for with format=…). */
    text?: "text/csv" | "text/markdown";
  };
  /** Refusals particular to the route; 400, 401, 403 for a role and 413 are added from the rest. */
  refusals?: Partial<Record<403 | 404 | 409, string>>;
}

// The OpenAPI document as an answer: only its outline is described here.
import { z } from "zod";
import { component } from "./components.ts";

export const openApiSchema = component(
  "OpenApiDocument",
  "An OpenAPI 3.1 document.",
  z.looseObject({
    openapi: z.string(),
    info: z.looseObject({ title: z.string() }),
    paths: z.record(z.string(), z.unknown()),
  }),
);

// The OpenAPI 3.1 document of the REST API (GET /api/v1/openapi.json), made from the route registry
// (routes.ts): the zod schemas the routes parse with, and the components their answers are.
import { z } from "zod";
import { componentId } from "./components.ts";
import { apiErrorSchema } from "./error-schema.ts";
import type { RouteSpec } from "./route-spec.ts";
import { API_ROUTES } from "./routes.ts";

type JsonSchema = Record<string, unknown>;

const uri = (id: string) => `#/components/schemas/${id}`;

/** A date in a query string is text (2026-12-24, 2026-12-24T10:00:00Z) that the route reads as a date. */
function dateAsText({ zodSchema, jsonSchema }: { zodSchema: unknown; jsonSchema: JsonSchema }) {
  if (zodSchema instanceof z.ZodDate) jsonSchema.type = "string";
}

// Input mode: a request's defaults are optional to send, and an answer's objects stay open, as
// DESIGN.md promises ("fields may be added").
const OPTIONS = { target: "draft-2020-12", io: "input", unrepresentable: "any", override: dateAsText, uri } as const;

function schemaOf(schema: z.ZodType): JsonSchema {
  const id = componentId(schema);
  if (id) return { $ref: uri(id) };
  const { $schema: _, ...rest } = z.toJSONSchema(schema, OPTIONS) as JsonSchema;
  return rest;
}

function componentSchemas(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, OPTIONS) as { schemas: Record<string, JsonSchema> };
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _, $id: __, ...schema }]) => [id, schema]));
}

function parametersOf(where: "path" | "query", schema: z.ZodObject | undefined) {
  if (!schema) return [];
  const { properties = {}, required = [] } = schemaOf(schema) as { properties?: object; required?: string[] };
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === "path" || required.includes(name),
    schema: property,
  }));
}

const json = (schema: JsonSchema) => ({ "application/json": { schema } });
const refusal = (description: string) => ({ description, content: json(schemaOf(apiErrorSchema)) });

function responsesOf(route: RouteSpec) {
  const { answer } = route;
  const content = answer.schema && {
    ...json(schemaOf(answer.schema)),
    ...(answer.text ? { [answer.text]: { schema: { type: "string" } } } : {}),
  };
  const takesInput = route.params || route.query || route.body;
  const needsMore = route.role !== "viewer" ? `Needs the ${route.role} role.` : undefined;
  const forbidden = [needsMore, route.refusals?.[403]].filter(Boolean).join(" ");
  return {
    [answer.status]: { description: answer.description, ...(content ? { content } : {}) },
    ...(takesInput ? { 400: refusal("A parameter or the body is wrong: `field` names it.") } : {}),
    401: refusal("No API token, or one that is unknown or revoked."),
    ...(forbidden ? { 403: refusal(forbidden) } : {}),
    ...(route.refusals?.[404] ? { 404: refusal(route.refusals[404]) } : {}),
    ...(route.refusals?.[409] ? { 409: refusal(route.refusals[409]) } : {}),
    ...(route.body ? { 413: refusal("The body is over the size limit.") } : {}),
  };
}

/** getClustersName for GET /api/v1/clusters/{name}: unique per path and method. */
const operationId = (route: RouteSpec) =>
  route.method + route.path.replace(/^\/api\/v1/, "").replace(/[^A-Za-z0-9]+(.)?/g, (_, c = "") => c.toUpperCase());

function operationOf(route: RouteSpec) {
  const parameters = [...parametersOf("path", route.params), ...parametersOf("query", route.query)];
  return {
    operationId: operationId(route),
    summary: route.summary,
    description: `Needs the ${route.role} role (an API token of that role or more).`,
    ...(parameters.length ? { parameters } : {}),
    ...(route.body ? { requestBody: { required: true, content: json(schemaOf(route.body)) } } : {}),
    responses: responsesOf(route),
  };
}

export function openApiDocument(routes: RouteSpec[] = API_ROUTES) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) paths[route.path] = { ...paths[route.path], [route.method]: operationOf(route) };
  return {
    openapi: "3.1.0",
    info: {
      title: "HA Ops Console API",
      version: "1",
      description: "Read and act on the console's clusters. Every call sends `Authorization: Bearer <API token>`.",
    },
    security: [{ apiToken: [] }],
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        apiToken: { type: "http", scheme: "bearer", description: "An API token (hao_…); admins make them." },
      },
    },
  };
}

// The OpenAPI document: valid OpenAPI 3.1 by a maintained validator, and the same routes and methods
// as the route files under app/api/v1 — a route left out of routes.ts fails here.
import { validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { routeFiles, routeMethods, urlTemplate } from "../../testing/route-files.ts";
import { openApiDocument } from "./document.ts";
import { API_ROUTES } from "./routes.ts";

const operations = (doc: ReturnType<typeof openApiDocument>) =>
  Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));

const routeFileOperations = routeFiles()
  .filter((route) => route.startsWith("api/v1/"))
  .flatMap((route) => routeMethods(route).map((method) => `${method} ${urlTemplate(route)}`));

describe("OpenAPI document", () => {
  it("is valid OpenAPI 3.1", async () => {
    const doc = openApiDocument();
    expect(doc.openapi).toMatch(/^3\.1\./);
    const result = await validate(structuredClone(doc) as never);
    expect(result).toMatchObject({ valid: true, warnings: [] });
  });

  it("lists every route file's methods under /api/v1, and nothing else", () => {
    expect(routeFileOperations.length).toBeGreaterThan(15);
    expect(operations(openApiDocument()).sort()).toEqual(routeFileOperations.sort());
  });

  it("misses a route when its entry is left out of the registry", () => {
    const fewer = openApiDocument(API_ROUTES.filter((r) => r.path !== "/api/v1/halt" || r.method !== "post"));
    expect(routeFileOperations.filter((op) => !operations(fewer).includes(op))).toEqual(["POST /api/v1/halt"]);
  });

  it("asks for a bearer API token everywhere and answers its error shape for 401", () => {
    const doc = openApiDocument();
    expect(doc.security).toEqual([{ apiToken: [] }]);
    expect(doc.components.securitySchemes.apiToken).toMatchObject({ type: "http", scheme: "bearer" });
    for (const methods of Object.values(doc.paths)) {
      for (const operation of Object.values(methods) as { responses: Record<string, unknown> }[]) {
        expect(operation.responses[401]).toMatchObject({
          content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        });
      }
    }
  });

  it("takes the routes' own zod schemas: a run's body requires reason and confirm; 409 for guards", () => {
    const run = openApiDocument().paths["/api/v1/clusters/{name}/actions"]?.post as {
      requestBody: { content: { "application/json": { schema: { required: string[] } } } };
      responses: Record<string, unknown>;
      parameters: { name: string; in: string }[];
    };
    expect(run.requestBody.content["application/json"].schema.required.sort()).toEqual(["confirm", "reason", "type"]);
    expect(Object.keys(run.responses).sort()).toEqual(["202", "400", "401", "403", "404", "409", "413"]);
    expect(run.parameters).toEqual([expect.objectContaining({ name: "name", in: "path", required: true })]);
  });
});

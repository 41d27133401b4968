import { describe, expect, it } from "vitest";
import { addressesToSend, describeRoute, newRouteValues, type RouteValues, readRoute } from "./route-fields";

const values = (change: Partial<RouteValues>): RouteValues => ({ ...newRouteValues("db-1"), ...change });
const dns = {
  name: "write-name",
  kind: "dns",
  server: "127.0.0.1:53",
  zone: "example.test",
  record: "db",
  keyName: "console-key",
  secret: "c2VjcmV0",
} as const;

describe("the add-a-route form", () => {
  it("reads a PgBouncer route", () => {
    expect(readRoute(values({ name: "pool", database: " orders " }), [])).toEqual({
      ok: true,
      item: { name: "pool", kind: "pgbouncer", node: "db-1", database: "orders", timeoutMs: 5_000 },
    });
  });

  it("reads a DNS route with its key and secret", () => {
    expect(readRoute(values({ ...dns, ttl: "60", algorithm: "hmac-sha512" }), ["pool"])).toEqual({
      ok: true,
      item: {
        name: "write-name",
        kind: "dns",
        timeoutMs: 5_000,
        server: "127.0.0.1:53",
        zone: "example.test",
        record: "db",
        ttl: 60,
        key: { name: "console-key", algorithm: "hmac-sha512", secret: "c2VjcmV0" },
      },
    });
  });

  it("says what is wrong with each field, in the form's order", () => {
    expect(readRoute(values({ name: "pool", database: "" }), ["pool"])).toEqual({
      ok: false,
      errors: { name: "pool is already in the list.", database: "Database is needed." },
    });
    expect(readRoute(values({ ...dns, zone: " ", ttl: "1.5", secret: "", timeout: "200" }), [])).toEqual({
      ok: false,
      errors: {
        zone: "Zone is needed.",
        ttl: "TTL is whole seconds, 1 to 86400.",
        secret: "The key's secret is needed.",
        timeout: "Timeout must be at most 2 min.",
      },
    });
  });

  it("says what a route does in one line", () => {
    expect(describeRoute({ name: "p", kind: "pgbouncer", node: "db-1", database: "orders", timeoutMs: 5_000 })).toBe(
      "PgBouncer orders via db-1",
    );
    const read = readRoute(values(dns), []);
    expect(read.ok && describeRoute(read.item)).toBe("DNS db.example.test at 127.0.0.1:53, TTL 30 s, key console-key");
  });

  it("sends an empty address as none", () => {
    expect(addressesToSend({ "db-1": " 10.0.0.1:5432 ", "db-2": " " })).toEqual({
      "db-1": "10.0.0.1:5432",
      "db-2": null,
    });
  });
});

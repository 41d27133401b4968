// The "Add a route" form's fields as typed, read into the route the API takes (or what is wrong with
// each, in words), a route said in one line for the table, and the nodes' client addresses as sent.
// Addresses and the DNS server are host:port, which the server judges.
import type { RouteKind, TSIG_ALGORITHMS } from "@/lib/hooks";
import type { RouteInput as Route } from "@/server/routes/route-input";
import { type Read, readOf } from "./form-read";
import { nameError, secondsToMs, timeoutError } from "./hook-fields";

export type { Route };

export const ROUTE_KIND_LABELS: Record<RouteKind, string> = { pgbouncer: "PgBouncer pool", dns: "DNS name" };

export interface RouteValues {
  name: string;
  kind: RouteKind;
  node: string;
  database: string;
  server: string;
  zone: string;
  record: string;
  /** Seconds, as typed. */
  ttl: string;
  keyName: string;
  algorithm: (typeof TSIG_ALGORITHMS)[number];
  secret: string;
  /** Seconds, as typed. */
  timeout: string;
}

export type RouteField =
  | "name"
  | "node"
  | "database"
  | "server"
  | "zone"
  | "record"
  | "ttl"
  | "keyName"
  | "secret"
  | "timeout";

export const newRouteValues = (node: string): RouteValues => ({
  name: "",
  kind: "pgbouncer",
  node,
  database: "",
  server: "",
  zone: "",
  record: "",
  ttl: "30",
  keyName: "",
  algorithm: "hmac-sha256",
  secret: "",
  timeout: "5",
});

/** What a route does, as the table says it. */
export function describeRoute(route: Route): string {
  if (route.kind === "pgbouncer") return `PgBouncer ${route.database} via ${route.node}`;
  return `DNS ${route.record}.${route.zone} at ${route.server}, TTL ${route.ttl} s, key ${route.key.name}`;
}

const needed = (value: string, what: string) => (value === "" ? `${what} is needed.` : undefined);

function dnsErrors(values: RouteValues) {
  const ttl = Number(values.ttl.trim());
  return {
    server: needed(values.server.trim(), "Server (host:port)"),
    zone: needed(values.zone.trim(), "Zone"),
    record: needed(values.record.trim(), "Record"),
    ttl: Number.isInteger(ttl) && ttl >= 1 && ttl <= 86_400 ? undefined : "TTL is whole seconds, 1 to 86400.",
    keyName: needed(values.keyName.trim(), "Key name"),
    secret: needed(values.secret.trim(), "The key's secret"),
  };
}

/** The route to add, or what is wrong with each field. */
export function readRoute(values: RouteValues, taken: readonly string[]): Read<Route, RouteField> {
  const name = values.name.trim();
  const pgbouncer = values.kind === "pgbouncer";
  const all = {
    name: nameError(name, taken),
    node: pgbouncer ? needed(values.node, "Node") : undefined,
    database: pgbouncer ? needed(values.database.trim(), "Database") : undefined,
    ...(pgbouncer ? {} : dnsErrors(values)),
    timeout: timeoutError(values.timeout),
  };
  return readOf(all, (): Route => {
    const timeoutMs = secondsToMs(values.timeout);
    if (pgbouncer) return { name, kind: "pgbouncer", node: values.node, database: values.database.trim(), timeoutMs };
    return {
      name,
      kind: "dns",
      timeoutMs,
      server: values.server.trim(),
      zone: values.zone.trim(),
      record: values.record.trim(),
      ttl: Number(values.ttl.trim()),
      key: { name: values.keyName.trim(), algorithm: values.algorithm, secret: values.secret.trim() },
    };
  });
}

/** Each node's client address as the API takes it: an empty field clears it. */
export function addressesToSend(fields: Record<string, string>): Record<string, string | null> {
  return Object.fromEntries(Object.entries(fields).map(([node, value]) => [node, value.trim() || null]));
}

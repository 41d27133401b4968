// The "Add a route" form's fields as typed, read into the route the API takes (or what is wrong with
// each, in words), a route said in one line for the table, and the nodes' client addresses as sent.
// Addresses and the DNS server are host:port, which the server judges.
import type { RouteKind, TSIG_ALGORITHMS } from "@/lib/hooks";
import type { RouteInput as Route } from "@/server/routes/route-input";
import { nameError, readTimeout, setErrors } from "./hook-fields";

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

function dnsErrors(values: RouteValues): Partial<Record<RouteField, string>> {
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

/** The route to add, or what is wrong with each field, in the form's order (the first is focused). */
export function readRoute(values: RouteValues, taken: readonly string[]) {
  const name = values.name.trim();
  const timeout = readTimeout(values.timeout);
  const all: Partial<Record<RouteField, string>> = {
    name: nameError(name, taken),
    ...(values.kind === "pgbouncer"
      ? { node: needed(values.node, "Node"), database: needed(values.database.trim(), "Database") }
      : dnsErrors(values)),
    timeout: "error" in timeout ? timeout.error : undefined,
  };
  const errors = setErrors(all);
  if (Object.keys(errors).length > 0 || "error" in timeout) return { errors };
  const timeoutMs = timeout.ms;
  const route: Route =
    values.kind === "pgbouncer"
      ? { name, kind: "pgbouncer", node: values.node, database: values.database.trim(), timeoutMs }
      : {
          name,
          kind: "dns",
          timeoutMs,
          server: values.server.trim(),
          zone: values.zone.trim(),
          record: values.record.trim(),
          ttl: Number(values.ttl.trim()),
          key: { name: values.keyName.trim(), algorithm: values.algorithm, secret: values.secret.trim() },
        };
  return { route };
}

/** Each node's client address as the API takes it: an empty field clears it. */
export function addressesToSend(fields: Record<string, string>): Record<string, string | null> {
  return Object.fromEntries(Object.entries(fields).map(([node, value]) => [node, value.trim() || null]));
}

// A cluster's client routes as an admin writes them (API and settings page): PgBouncer pools and DNS
// names the console moves to the new primary, with each node's client address. The whole list at
// once; a bad field is a 400 naming it and nothing changes.
import { isIP } from "node:net";
import { z } from "zod";
import { HOOK_TIMEOUT_LIMITS, ROUTE_KINDS, TSIG_ALGORITHMS } from "../../lib/hooks.ts";
import { nameText, reasonText, safeText } from "../security/safe-input.ts";

const routeName = safeText(63).regex(/^[a-z0-9][a-z0-9-]*$/, "a route's name is lower-case letters, digits and -");
const timeoutMs = z.number().int().min(HOOK_TIMEOUT_LIMITS.min).max(HOOK_TIMEOUT_LIMITS.max).default(5_000);
const dnsName = safeText(253).regex(/^[A-Za-z0-9_*]([A-Za-z0-9_.-]*[A-Za-z0-9])?\.?$/, "not a DNS name");

/** host:port, the host a name or an address ([v6]:port for IPv6). */
export const hostPort = safeText(300).refine((value) => splitHostPort(value) !== null, "give host:port");

export function splitHostPort(value: string): { host: string; port: number } | null {
  const match = /^(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9.-]+)):(\d{1,5})$/.exec(value);
  const port = Number(match?.[3]);
  if (!match || port < 1 || port > 65535) return null;
  const host = match[1] ?? match[2] ?? "";
  if (match[1] && isIP(host) !== 6) return null;
  return { host, port };
}

export const pgbouncerRouteSchema = z
  .object({
    name: routeName,
    kind: z.literal(ROUTE_KINDS[0]),
    node: nameText,
    database: safeText(63).regex(/^[A-Za-z0-9_.-]+$/, "a PgBouncer database name is letters, digits, _ . -"),
    timeoutMs,
  })
  .strict();

export const dnsRouteSchema = z
  .object({
    name: routeName,
    kind: z.literal(ROUTE_KINDS[1]),
    server: hostPort,
    zone: dnsName,
    record: dnsName,
    ttl: z.number().int().min(1).max(86_400).default(30),
    key: z
      .object({
        name: dnsName,
        algorithm: z.enum(TSIG_ALGORITHMS).default(TSIG_ALGORITHMS[0]),
        /** Omitted: the route of this name keeps the secret it has. */
        secret: safeText(200)
          .regex(/^[A-Za-z0-9+/]+=*$/, "the TSIG secret is base64")
          .optional(),
      })
      .strict(),
    timeoutMs,
  })
  .strict();

export const routeSchema = z.discriminatedUnion("kind", [pgbouncerRouteSchema, dnsRouteSchema]);
export type RouteInput = z.infer<typeof routeSchema>;

export const routesInputSchema = z
  .object({
    routes: z
      .array(routeSchema)
      .max(16, "a cluster has at most 16 routes")
      .refine((routes) => new Set(routes.map((r) => r.name)).size === routes.length, "route names are unique"),
    /** Where clients reach each node's service; a node left out keeps its address, null clears it. */
    addresses: z.record(nameText, hostPort.nullable()).default({}),
  })
  .strict();
export type RoutesInput = z.infer<typeof routesInputSchema>;

export const routesReplaceSchema = routesInputSchema.extend({ reason: reasonText });

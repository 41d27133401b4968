// A cluster's client routes (admin): read without their TSIG secrets, replaced as a whole list with
// the nodes' client addresses in one transaction; a DNS route keeps its secret while its name stays.
// Audited with the routes added, changed and removed and the addresses set.
import { appendAudit } from "../audit/append.ts";
import { ActionError } from "../actions/errors.ts";
import type { SessionUser } from "../auth/session.ts";
import type { Db } from "../db/client.ts";
import type { RouteKind } from "../db/generated/enums.ts";
import { isIP } from "node:net";
import { type RouteInput, type RoutesInput, splitHostPort } from "./route-input.ts";

const SELECT = {
  name: true,
  kind: true,
  timeoutMs: true,
  node: true,
  database: true,
  server: true,
  zone: true,
  record: true,
  ttl: true,
  keyName: true,
  keyAlgorithm: true,
  keySecret: true,
} as const;

type Row = {
  name: string;
  kind: RouteKind;
  timeoutMs: number;
  node: string | null;
  database: string | null;
  server: string | null;
  zone: string | null;
  record: string | null;
  ttl: number | null;
  keyName: string | null;
  keyAlgorithm: string | null;
  keySecret: string | null;
};

/** A route as the API shows it: never its TSIG secret. */
export function routeDocument(row: Row) {
  if (row.kind === "PGBOUNCER")
    return {
      name: row.name,
      kind: "pgbouncer" as const,
      node: row.node ?? "",
      database: row.database ?? "",
      timeoutMs: row.timeoutMs,
    };
  const algorithm = row.keyAlgorithm === "hmac-sha512" ? "hmac-sha512" : "hmac-sha256";
  return {
    name: row.name,
    kind: "dns" as const,
    server: row.server ?? "",
    zone: row.zone ?? "",
    record: row.record ?? "",
    ttl: row.ttl ?? 30,
    key: { name: row.keyName ?? "", algorithm: algorithm as "hmac-sha256" | "hmac-sha512" },
    timeoutMs: row.timeoutMs,
  };
}

export type RouteDocument = ReturnType<typeof routeDocument>;

export async function listRoutes(db: Db, cluster: string) {
  const found = await db.cluster.findUnique({
    where: { name: cluster },
    select: {
      routes: { orderBy: { name: "asc" }, select: SELECT },
      nodes: { orderBy: { name: "asc" }, select: { name: true, address: true } },
    },
  });
  if (!found) return null;
  return {
    routes: found.routes.map(routeDocument),
    addresses: Object.fromEntries(found.nodes.map((n) => [n.name, n.address])),
  };
}

const refuse = (field: string, message: string) => new ActionError("BAD_REQUEST", `${field}: ${message}`, { field });

function rowOf(route: RouteInput, kept: Row | undefined, i: number) {
  if (route.kind === "pgbouncer")
    return { name: route.name, kind: "PGBOUNCER" as const, timeoutMs: route.timeoutMs, ...pgbouncer(route) };
  const secret = route.key.secret ?? (kept?.kind === "DNS" ? kept.keySecret : null);
  if (!secret) throw refuse(`routes.${i}.key.secret`, "a new DNS route needs its TSIG key's secret");
  return {
    name: route.name,
    kind: "DNS" as const,
    timeoutMs: route.timeoutMs,
    server: route.server,
    zone: route.zone,
    record: route.record,
    ttl: route.ttl,
    keyName: route.key.name,
    keyAlgorithm: route.key.algorithm,
    keySecret: secret,
  };
}

/** A route points clients at a node's address: every node needs one, an IP address for a DNS record. */
function routesNeed(routes: RouteInput[], addresses: Map<string, string | null>) {
  if (routes.length === 0) return null;
  const dns = routes.some((r) => r.kind === "dns");
  for (const [node, address] of addresses) {
    const host = address ? splitHostPort(address)?.host : undefined;
    if (!host) return { node, message: `the client routes need ${node}'s client address (host:port)` };
    if (dns && !isIP(host)) return { node, message: `a DNS route needs ${node}'s client address as an IP address` };
  }
  return null;
}

const pgbouncer = (route: Extract<RouteInput, { kind: "pgbouncer" }>) => ({
  node: route.node,
  database: route.database,
});

export async function replaceRoutes(db: Db, actor: SessionUser, cluster: string, input: RoutesInput, reason: string) {
  return db.$transaction(async (tx) => {
    const found = await tx.cluster.findUnique({
      where: { name: cluster },
      select: { id: true, nodes: { select: { name: true, address: true } }, routes: { select: SELECT } },
    });
    if (!found) return null;
    const nodes = new Set(found.nodes.map((n) => n.name));
    for (const name of Object.keys(input.addresses))
      if (!nodes.has(name)) throw refuse(`addresses.${name}`, `${cluster} has no node ${name}`);
    input.routes.forEach((route, i) => {
      if (route.kind === "pgbouncer" && !nodes.has(route.node))
        throw refuse(`routes.${i}.node`, `${cluster} has no node ${route.node}`);
    });
    const addresses = new Map(found.nodes.map((n) => [n.name, n.address]));
    for (const [name, address] of Object.entries(input.addresses)) addresses.set(name, address);
    const missing = routesNeed(input.routes, addresses);
    if (missing) throw refuse(`addresses.${missing.node}`, missing.message);
    const before = new Map(found.routes.map((r) => [r.name, r]));
    const rows = input.routes.map((route, i) => rowOf(route, before.get(route.name), i));
    await tx.clientRoute.deleteMany({ where: { clusterId: found.id } });
    await tx.clientRoute.createMany({ data: rows.map((row) => ({ ...row, clusterId: found.id })) });
    for (const [name, address] of Object.entries(input.addresses))
      await tx.node.updateMany({ where: { clusterId: found.id, name }, data: { address } });
    // Every stored field compared, the TSIG secret too: a rotated key is a change the audit shows.
    const changed = (row: (typeof rows)[number]) => {
      const old = before.get(row.name) as Record<string, unknown> | undefined;
      return old !== undefined && Object.entries(row).some(([key, value]) => old[key] !== value);
    };
    const names = rows.map((r) => r.name);
    await appendAudit(tx, {
      actorId: actor.id,
      actor: actor.email,
      action: "cluster.routes",
      target: cluster,
      reason,
      outcome: "changed",
      details: {
        added: names.filter((n) => !before.has(n)),
        changed: rows.filter(changed).map((r) => r.name),
        removed: [...before.keys()].filter((n) => !names.includes(n)),
        addresses: input.addresses,
      },
    });
    return { routes: names };
  });
}

// A cluster's hooks and routes as its plans use them: what each step runs, without any secret.
import type { HookPhase } from "../../lib/hooks.ts";
import type { Db } from "../db/client.ts";
import { storedArgv } from "../hooks/stored-hook.ts";
import type { PlanHook } from "./plan-hooks.ts";
import type { RouteCall } from "./types.ts";

export async function loadHookState(db: Db, clusterId: string): Promise<{ hooks: PlanHook[]; routes: RouteCall[] }> {
  const [hooks, routes] = await Promise.all([
    db.clusterHook.findMany({ where: { clusterId }, orderBy: { position: "asc" } }),
    db.clientRoute.findMany({ where: { clusterId }, orderBy: { name: "asc" } }),
  ]);
  return {
    hooks: hooks.map((h) => {
      const common = {
        hook: h.name,
        phase: h.phase.toLowerCase() as HookPhase,
        required: h.required,
        timeoutMs: h.timeoutMs,
      };
      return h.kind === "HTTP"
        ? { ...common, hookKind: "http" as const, url: h.url ?? "" }
        : { ...common, hookKind: "command" as const, node: h.node ?? "", argv: storedArgv(h.argv) };
    }),
    routes: routes.map(
      (r): RouteCall =>
        r.kind === "PGBOUNCER"
          ? {
              route: r.name,
              routeKind: "pgbouncer",
              via: r.node ?? "",
              database: r.database ?? "",
              timeoutMs: r.timeoutMs,
            }
          : {
              route: r.name,
              routeKind: "dns",
              server: r.server ?? "",
              zone: r.zone ?? "",
              record: r.record ?? "",
              ttl: r.ttl ?? 30,
              keyName: r.keyName ?? "",
              keyAlgorithm: r.keyAlgorithm === "hmac-sha512" ? "hmac-sha512" : "hmac-sha256",
              timeoutMs: r.timeoutMs,
            },
    ),
  };
}

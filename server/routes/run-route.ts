// Runs one route step: a PgBouncer pool is paused, pointed and resumed by the agent that reaches
// its admin console (under the step's key, so a new leader's repeat is answered, not done again);
// a DNS name is updated at its authoritative server and the step ends once the server answers it.
import type { StepContext, StepResult } from "../actions/steps.ts";
import type { StepSpec } from "../actions/types.ts";
import { NOT_DONE } from "../actions/not-done.ts";
import { recordEvent } from "../events/record.ts";
import { dnsRouteStep } from "./dns-route.ts";
import { splitHostPort } from "./route-input.ts";

export type RouteStep = Extract<StepSpec, { kind: "route" }>;
export type RouteAgentCall = (
  node: string,
  key: string,
  type: string,
  params: Record<string, unknown>,
) => Promise<StepResult>;

/** Where clients reach `node`'s service, as the route settings say. */
export async function clientAddress(ctx: StepContext, node: string) {
  const row = await ctx.db.node.findFirst({
    where: { clusterId: ctx.clusterId, name: node },
    select: { address: true },
  });
  const address = row?.address ? splitHostPort(row.address) : null;
  return address
    ? { ok: true as const, ...address }
    : { ok: false as const, detail: `${node} has no client address (route settings)` };
}

async function pgbouncerStep(
  ctx: StepContext,
  spec: Extract<RouteStep, { routeKind: "pgbouncer" }>,
  key: string,
  call: RouteAgentCall,
) {
  const base = { database: spec.database };
  if (spec.op === "pause" || spec.op === "resume") return call(spec.via, key, "pgbouncer", { ...base, op: spec.op });
  if (spec.op !== "point") return { ok: false, detail: `a PgBouncer route cannot ${spec.op}` };
  const address = await clientAddress(ctx, spec.node);
  if (!address.ok) return { ok: false, detail: address.detail };
  return call(spec.via, key, "pgbouncer", { ...base, op: "point", host: address.host, port: address.port });
}

/**
 * A route that cannot be moved never stops the action (a failover refused for a pool or a name would
 * leave no primary at all): it is said, critical, and the action goes on.
 */
export async function runRoute(ctx: StepContext, spec: RouteStep, key: string, call: RouteAgentCall) {
  const result =
    spec.routeKind === "pgbouncer" ? await pgbouncerStep(ctx, spec, key, call) : await dnsRouteStep(ctx, spec);
  const detail = `${spec.route}: ${result.detail}`;
  if (result.ok) return { ok: true, detail };
  const summary = `Client route ${spec.route} could not ${spec.op} for ${spec.node}; the action went on: ${result.detail}`;
  await recordEvent(ctx.db, { type: "route.failed", severity: "CRITICAL", summary, clusterId: ctx.clusterId });
  return { ok: true, detail: `${NOT_DONE} (${detail})` };
}

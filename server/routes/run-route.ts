// Runs one route step: a PgBouncer pool is paused, pointed and resumed by the agent that reaches
// its admin console (under the step's key, so a new leader's repeat is answered, not done again);
// a DNS name is updated at its authoritative server and the step ends once the server answers it.
import type { StepContext, StepResult } from "../actions/steps.ts";
import type { StepSpec } from "../actions/types.ts";
import { NOT_DONE } from "../actions/not-done.ts";
import { recordEvent } from "../events/record.ts";
import { dnsRouteStep } from "./dns-route.ts";
import { splitHostPort } from "./route-input.ts";

/**
 * How long a paused pool may stay paused before its agent resumes it by itself: a failover's fence,
 * promotion and point take seconds; a console lost mid-action must not hold every client for good.
 */
const POOL_HOLD_MS = 60_000;

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
  const via = await ctx.db.node.findFirst({
    where: { clusterId: ctx.clusterId, name: spec.via },
    select: { state: true },
  });
  // An agent known down would cost each of pause, point and resume its whole answer wait.
  if (via?.state === "DOWN") return { ok: false, detail: `${spec.via}, whose agent steers the pool, is down` };
  const base = { database: spec.database };
  if (spec.op === "pause") return call(spec.via, key, "pgbouncer", { ...base, op: "pause", holdMs: POOL_HOLD_MS });
  if (spec.op === "resume") return call(spec.via, key, "pgbouncer", { ...base, op: "resume" });
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

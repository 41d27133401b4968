// Where a cluster's hooks and client routes join an action's steps. A failover or switchover:
// before the old primary is fenced, the before_fence hooks run and PgBouncer pools pause (clients
// wait, they do not fail); right after the promotion the routes point at the new primary, the
// pools resume, the after_promote hooks run; the after_action hooks close it. A drain: the
// before_drain hooks, the drain, the node's DNS records removed, the after_drain hooks; an undrain
// adds them back. When the action fails, the paused pools resume and the on_failure hooks run,
// after any rollback.
import type { HookPhase, RouteOp } from "../../lib/hooks.ts";
import type { Mode } from "../../lib/modes.ts";
import type { HookCall, HookContext, PlannedStep, PlanRequest, RouteCall, StepSpec } from "./types.ts";

export type PlanHook = HookCall & { phase: HookPhase; required: boolean };

export interface HookState {
  mode: Mode;
  hooks?: PlanHook[];
  routes?: RouteCall[];
  /** One agent call's budget: what a command hook or a PgBouncer step is estimated at. */
  timeoutMs: number;
}

const HTTP_ESTIMATE_MS = 500;
const DNS_ESTIMATE_MS = 500;

export function withHooks(
  steps: PlannedStep[],
  state: HookState,
  request: PlanRequest,
  target: string,
  primary: string | undefined,
): PlannedStep[] {
  const hooks = state.hooks ?? [];
  const routes = state.routes ?? [];
  if (hooks.length === 0 && routes.length === 0) return steps;
  const replaces = request.type === "failover" || request.type === "switchover";
  const context: HookContext = {
    action: request.type,
    target,
    oldPrimary: replaces ? (primary ?? null) : null,
    newPrimary: replaces ? target : null,
  };
  const hookSteps = (phase: HookPhase, onFailure = false): PlannedStep[] =>
    hooks
      .filter((h) => h.phase === phase)
      .map((h) => {
        const { phase: _, required, ...call } = h;
        const spec: StepSpec = { kind: "hook", phase, required, context, ...(onFailure ? { onFailure } : {}), ...call };
        const estimateMs = call.hookKind === "http" ? HTTP_ESTIMATE_MS : state.timeoutMs;
        const where = call.hookKind === "http" ? "POST" : `on ${call.node}`;
        return { name: `hook ${h.hook} (${where}${required ? "" : ", best-effort"})`, spec, estimateMs };
      });
  const routeSteps = (kinds: RouteCall["routeKind"][], op: RouteOp, node: string, onFailure = false): PlannedStep[] =>
    routes
      .filter((r) => kinds.includes(r.routeKind))
      .map((r) => ({
        name: routeName(r, op, node),
        spec: { kind: "route" as const, op, node, ...(onFailure ? { onFailure } : {}), ...r },
        estimateMs: r.routeKind === "dns" ? DNS_ESTIMATE_MS : state.timeoutMs,
      }));
  const failure = [
    ...(replaces ? routeSteps(["pgbouncer"], "resume", target, true) : []),
    ...hookSteps("on_failure", true),
  ];
  if (replaces) {
    const promoteAt = steps.findIndex((s) => isAgent(s.spec, "promote", target));
    const fenceAt = steps.findIndex(
      (s) => s.spec.kind === "fence-old" || isAgent(s.spec, "fence", primary) || isAgent(s.spec, "demote", primary),
    );
    const before = [...hookSteps("before_fence"), ...routeSteps(["pgbouncer"], "pause", target)];
    // Each pool is held only as long as it must: pointed and resumed before any DNS update runs.
    const after = [
      ...routeSteps(["pgbouncer"], "point", target),
      ...routeSteps(["pgbouncer"], "resume", target),
      ...routeSteps(["dns"], "point", target),
      ...hookSteps("after_promote"),
    ];
    const at = fenceAt >= 0 && fenceAt < promoteAt ? fenceAt : promoteAt;
    return [
      ...steps.slice(0, at),
      ...before,
      ...steps.slice(at, promoteAt + 1),
      ...after,
      ...steps.slice(promoteAt + 1),
      ...hookSteps("after_action"),
      ...failure,
    ];
  }
  // A record names every active node of an active-active cluster; a primary/standby one names the primary only.
  const names = state.mode === "active-active" ? routeSteps : () => [];
  if (request.type === "drain")
    return [
      ...hookSteps("before_drain"),
      steps[0]!,
      ...names(["dns"], "remove", target),
      ...steps.slice(1),
      ...hookSteps("after_drain"),
      ...failure,
    ];
  if (request.type === "undrain") return [...steps, ...names(["dns"], "add", target), ...failure];
  return steps;
}

const isAgent = (spec: StepSpec, type: string, node: string | undefined) =>
  spec.kind === "agent" && spec.type === type && node !== undefined && spec.node === node;

function routeName(route: RouteCall, op: RouteOp, node: string): string {
  if (route.routeKind === "dns") {
    const verb =
      op === "point"
        ? `point ${route.record} at ${node}`
        : op === "remove"
          ? `remove ${node} from ${route.record}`
          : `add ${node} back to ${route.record}`;
    return `DNS ${route.route}: ${verb}`;
  }
  const verb = op === "point" ? `point ${route.database} at ${node}` : `${op} ${route.database}`;
  return `PgBouncer ${route.route}: ${verb}`;
}

// What a hook is told, as the JSON body of an http hook and the environment of a command: the
// cluster, the action, the old and new primary with their client addresses, and, on failure, the
// step that failed.
import type { StepContext } from "../actions/steps.ts";
import type { StepSpec } from "../actions/types.ts";

export type HookStep = Extract<StepSpec, { kind: "hook" }>;

export async function hookEvent(ctx: StepContext, spec: HookStep) {
  const { context } = spec;
  const names = [context.oldPrimary, context.newPrimary].filter((n): n is string => n !== null);
  const [cluster, nodes, failed] = await Promise.all([
    ctx.db.cluster.findUniqueOrThrow({ where: { id: ctx.clusterId }, select: { name: true } }),
    ctx.db.node.findMany({
      where: { clusterId: ctx.clusterId, name: { in: names } },
      select: { name: true, address: true },
    }),
    ctx.actionId
      ? ctx.db.actionStep.findFirst({
          where: { actionId: ctx.actionId, status: "FAILED" },
          orderBy: { seq: "asc" },
          select: { name: true, detail: true },
        })
      : null,
  ]);
  const node = (name: string | null) =>
    name === null ? null : { name, address: nodes.find((n) => n.name === name)?.address ?? null };
  return {
    type: "hook" as const,
    hook: spec.hook,
    phase: spec.phase,
    timestamp: new Date().toISOString(),
    cluster: cluster.name,
    action: {
      id: ctx.actionId ?? null,
      type: context.action,
      target: context.target,
      failedStep: failed ? { name: failed.name, detail: failed.detail ?? "" } : null,
    },
    oldPrimary: node(context.oldPrimary),
    newPrimary: node(context.newPrimary),
  };
}

export type HookEvent = Awaited<ReturnType<typeof hookEvent>>;

/** The same, as a command's environment: HAOPS_* variables, empty where there is nothing to say. */
export function hookEnvironment(event: HookEvent): Record<string, string> {
  return {
    HAOPS_HOOK: event.hook,
    HAOPS_PHASE: event.phase,
    HAOPS_CLUSTER: event.cluster,
    HAOPS_ACTION: event.action.type,
    HAOPS_ACTION_ID: event.action.id ?? "",
    HAOPS_TARGET: event.action.target ?? "",
    HAOPS_OLD_PRIMARY: event.oldPrimary?.name ?? "",
    HAOPS_OLD_PRIMARY_ADDRESS: event.oldPrimary?.address ?? "",
    HAOPS_NEW_PRIMARY: event.newPrimary?.name ?? "",
    HAOPS_NEW_PRIMARY_ADDRESS: event.newPrimary?.address ?? "",
    HAOPS_FAILED_STEP: event.action.failedStep
      ? `${event.action.failedStep.name}: ${event.action.failedStep.detail}`
      : "",
  };
}

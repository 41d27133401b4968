// An action request carried out by a driver (or, for v1.3's host actions, by the agent itself), its
// parameters checked first against its type's schema (protocol.ts): a bad one is answered `failed`
// naming it, as v1 does, and nothing carries it out. A detail (a failed command with its server log)
// is kept within the protocol's bound, its head (what failed) and its tail (the last words) both
// kept, so the console can read the answer.
import type { ActionOutcome, Driver } from "./drivers/driver.ts";
import { actOnHost, type HostSections } from "./host-actions.ts";
import { anyActionSchema, firstProblem, isHostAction, MAX_RESULT_DETAIL, type AgentActionRequest } from "./protocol.ts";

const CUT = "\n…\n";

export function boundedDetail(detail: string): string {
  if (detail.length <= MAX_RESULT_DETAIL) return detail;
  const keep = MAX_RESULT_DETAIL - CUT.length;
  const head = Math.floor(keep / 2);
  return `${detail.slice(0, head)}${CUT}${detail.slice(detail.length - (keep - head))}`;
}

/** `host`: the node's sections for the actions the agent carries out on its host, not through its driver. */
export async function perform(
  driver: Driver,
  request: AgentActionRequest,
  host: HostSections = {},
): Promise<ActionOutcome> {
  const parsed = anyActionSchema.safeParse(request);
  if (parsed.success) {
    const action = parsed.data;
    const outcome = await (isHostAction(action) ? actOnHost(host, action) : driver.act(action));
    return outcome.detail === undefined ? outcome : { ...outcome, detail: boundedDetail(outcome.detail) };
  }
  const { field, message } = firstProblem(parsed.error);
  return { status: "failed", detail: `${field} ${message}` };
}

// An action request carried out by a driver, its parameters checked first against its type's schema
// (protocol.ts): a bad one is answered `failed` naming it, as v1 does, and no driver sees it.
import type { ActionOutcome, Driver } from "./drivers/driver.ts";
import { agentActionSchema, firstProblem, type AgentActionRequest } from "./protocol.ts";

export async function perform(driver: Driver, request: AgentActionRequest): Promise<ActionOutcome> {
  const parsed = agentActionSchema.safeParse(request);
  if (parsed.success) return driver.act(parsed.data);
  const { field, message } = firstProblem(parsed.error);
  return { status: "failed", detail: `${field} ${message}` };
}

// The console's side of POST /v1/actions: one idempotent call carrying the leader's epoch, answered
// as done or not (never a throw), with the agent's own words.
import { actionResultSchema } from "../../agent/protocol.ts";

const TIMEOUT_MS = 10_000;

type AgentAction = { id: string; type: string; params: Record<string, unknown>; epoch: number };

type Answer = { ok: boolean; detail: string };

export async function callAgent(agentUrl: string, token: string | null, body: AgentAction): Promise<Answer> {
  try {
    const response = await fetch(new URL("/v1/actions", agentUrl), {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const parsed = actionResultSchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) return { ok: false, detail: `the agent answered HTTP ${response.status} without a result` };
    const { status, detail } = parsed.data;
    return { ok: status === "done", detail: status === "done" ? (detail ?? "done") : `${status}: ${detail ?? "no detail"}` };
  } catch (error) {
    return { ok: false, detail: `the agent did not answer: ${error instanceof Error ? error.message : String(error)}` };
  }
}

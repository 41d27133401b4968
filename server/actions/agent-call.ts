// The console's side of POST /v1/actions: one idempotent call carrying the leader's epoch, answered
// as done or not (never a throw), with the agent's own words. A call the agent took but has not
// answered yet is not a failure: while the agent still answers its status (alive, busy with a
// demote's pg_rewind and start), the same call is asked again under the same key, which the agent
// answers with the work already under way instead of starting it twice.
import { actionResultSchema } from "../../agent/protocol.ts";

export interface CallTimings {
  /** One request's wait for its answer. */
  answerMs: number;
  /** The wait for any answer to GET /v1/status, asked when a request was not answered in time. */
  aliveMs: number;
  /** How long a busy agent's answer is waited for, in all: a standby's start after pg_rewind can take a minute. */
  budgetMs: number;
}

const TIMINGS: CallTimings = { answerMs: 10_000, aliveMs: 3_000, budgetMs: 120_000 };

type AgentAction = { id: string; type: string; params: Record<string, unknown>; epoch: number };

export type Answer = { ok: boolean; detail: string; answered: boolean };

type Target = { agentUrl: string; token: string | null };

const headers = (token: string | null): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {});

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function askOnce(target: Target, body: AgentAction, timeoutMs: number): Promise<Answer & { timedOut: boolean }> {
  try {
    const response = await fetch(new URL("/v1/actions", target.agentUrl), {
      method: "POST",
      headers: { "content-type": "application/json", ...headers(target.token) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const parsed = actionResultSchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success)
      return {
        ok: false,
        detail: `the agent answered HTTP ${response.status} without a result`,
        answered: true,
        timedOut: false,
      };
    const { status, detail } = parsed.data;
    const words = status === "done" ? (detail ?? "done") : `${status}: ${detail ?? "no detail"}`;
    return { ok: status === "done", detail: words, answered: true, timedOut: false };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === "TimeoutError";
    return { ok: false, detail: `the agent did not answer: ${reason(error)}`, answered: false, timedOut };
  }
}

/** Does the agent answer its status at all (any HTTP answer)? A paused or lost one does not. */
async function alive(target: Target, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(new URL("/v1/status", target.agentUrl), {
      headers: headers(target.token),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

export async function callAgent(
  target: Target,
  body: AgentAction,
  keepAsking: () => boolean,
  timings = TIMINGS,
): Promise<Answer> {
  const started = Date.now();
  for (;;) {
    const answer = await askOnce(target, body, timings.answerMs);
    if (!answer.timedOut) return { ok: answer.ok, detail: answer.detail, answered: answer.answered };
    const waited = Date.now() - started;
    if (waited >= timings.budgetMs || !keepAsking() || !(await alive(target, timings.aliveMs))) {
      return { ok: false, detail: `the agent did not answer within ${Math.round(waited / 1000)} s`, answered: false };
    }
  }
}

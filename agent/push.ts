// Push mode: the agent sends its status document to the console every interval, for agents the
// console cannot reach (behind NAT). A refused report is logged, never retried out of order.
import type { Log } from "../lib/log.ts";
import type { Driver } from "./drivers/driver.ts";

/** One status document to the console; a refusal is logged once per distinct problem. */
export function sendStatus(opts: { url: string; token: string; driver: Driver; timeoutMs: number; log: Log }) {
  let lastProblem = "";
  return async () => {
    try {
      const response = await fetch(opts.url, {
        method: "POST",
        headers: { authorization: `Bearer ${opts.token}`, "content-type": "application/json" },
        body: JSON.stringify(await opts.driver.status()),
        signal: AbortSignal.timeout(opts.timeoutMs),
      });
      const problem = response.ok ? "" : `${response.status} ${await response.text()}`;
      if (problem && problem !== lastProblem) opts.log(`push to ${opts.url} refused: ${problem}`, { level: "warn" });
      lastProblem = problem;
    } catch (error) {
      const problem = error instanceof Error ? error.message : String(error);
      if (problem !== lastProblem) opts.log(`push to ${opts.url} failed: ${problem}`, { level: "warn" });
      lastProblem = problem;
    }
  };
}

export function startPushing(opts: { url: string; intervalMs: number; token: string; driver: Driver; log: Log }) {
  const send = sendStatus({ ...opts, timeoutMs: Math.max(opts.intervalMs, 1_000) });
  const push = async () => {
    if (opts.driver.gate().kind === "answer") await send();
  };
  const timer = setInterval(() => void push(), opts.intervalMs);
  return () => clearInterval(timer);
}

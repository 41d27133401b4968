// Push on change: a polled agent watches its service's process often and cheaply, and sends its
// status to the console the moment the process goes (or comes back), so a certain death is known
// at once rather than at the next poll. The console answers by polling this agent right away.
import type { Log } from "../lib/log.ts";
import type { Driver } from "./drivers/driver.ts";
import { sendStatus } from "./push.ts";

export function startNotifying(opts: { url: string; watchMs: number; token: string; driver: Driver; log: Log }) {
  const watch = opts.driver.processGone?.bind(opts.driver);
  if (!watch) return () => undefined;
  const send = sendStatus({ ...opts, timeoutMs: 2_000 });
  let gone: boolean | null = null;
  let busy = false;
  const look = async () => {
    if (busy) return;
    busy = true;
    try {
      const now = await watch();
      const changed = gone !== null && now !== gone;
      gone = now;
      if (changed) await send();
    } catch {
      // A look that fails says nothing either way; the console's polls still judge the node.
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void look(), opts.watchMs);
  return () => clearInterval(timer);
}

// The egress policy of the web server (saving endpoints, test sends), from its environment; the
// control loop gets the same lists through its launch configuration.
import { env } from "../../env.ts";
import type { Egress } from "./target.ts";

export function configuredEgress(): Egress {
  const { CONSOLE_WEBHOOK_ALLOWED_NETWORKS: allowed, CONSOLE_WEBHOOK_DENIED_NETWORKS: denied } = env();
  return { networks: { allowed, denied } };
}

// The control loop as a console instance runs it, with the launch configuration's settings.
import type { Log } from "../../lib/log.ts";
import { agentTokenFor } from "../agents/tokens.ts";
import type { LaunchConfig } from "../launch/config.ts";
import { startControl, type Control } from "./control.ts";
import { CONTROL_DEFAULTS } from "./options.ts";

export function startConsoleControl(opts: {
  databaseUrl: string;
  authSecret: string;
  config: Pick<
    LaunchConfig,
    "instanceId" | "retention" | "sampleBuffer" | "linkBase" | "leaderLeaseMs" | "webhookNetworks"
  >;
  log: Log;
}): Control {
  return startControl({
    ...CONTROL_DEFAULTS,
    databaseUrl: opts.databaseUrl,
    instanceId: opts.config.instanceId,
    leaseMs: opts.config.leaderLeaseMs,
    tokenFor: (nodeId, createdAt) => agentTokenFor(opts.authSecret, nodeId, createdAt),
    log: opts.log,
    bufferLimits: { ...CONTROL_DEFAULTS.bufferLimits, samples: opts.config.sampleBuffer },
    retention: opts.config.retention,
    consoleUrl: opts.config.linkBase,
    webhookNetworks: opts.config.webhookNetworks,
  });
}

// Settings of the control loop, with the defaults a console instance runs with.
import type { Log } from "../../lib/log.ts";
import { NO_NETWORKS, type WebhookNetworks } from "../alerts/egress/networks.ts";
import type { Retention } from "../ingest/rollup.ts";
import type { BufferLimits } from "../ingest/write-buffer.ts";
import type { TokenFor } from "./fleet-query.ts";
import { DEFAULT_LEASE_MS } from "./lease-timings.ts";

export interface ControlOptions {
  databaseUrl: string;
  /** Names this instance in logs and in the leader record. */
  instanceId: string;
  tokenFor: TokenFor;
  log: Log;
  bufferLimits: BufferLimits;
  retention: Retention;
  /** The leader lease: a leader that stops renewing it loses leadership this long after its last renewal. */
  leaseMs: number;
  /** How often a follower tries for the lease (sooner if it expires sooner) and the leader does its housekeeping. */
  leaderCheckMs: number;
  flushEveryMs: number;
  fleetRefreshMs: number;
  rollupEveryMs: number;
  /** How often the hourly rollups catch up with the minute ones. */
  hourRollupEveryMs: number;
  /** How often the leader looks for actions to run. */
  actionCheckMs: number;
  /** How often the leader looks for webhook deliveries that are due. */
  webhookCheckMs: number;
  /** How often the leader looks for open alerts due for a repeat. */
  reminderCheckMs: number;
  /** How often the leader looks for drill schedules that are due. */
  drillScheduleCheckMs: number;
  /** Networks webhooks may reach beyond the egress policy's defaults, and networks they may not. */
  webhookNetworks: WebhookNetworks;
  /** How often the leader checkpoints the audit chain when it grew (and as its term begins). */
  auditCheckpointMs: number;
  /** Retry delays of webhook deliveries; the Standard Webhooks schedule when unset. */
  webhookSchedule?: readonly number[];
  /** The console's public URL, for links in webhooks. */
  consoleUrl?: string;
}

export const CONTROL_DEFAULTS = {
  bufferLimits: { samples: 500_000, events: 20_000 },
  retention: { sampleMs: 48 * 3_600_000, rollupMs: 90 * 24 * 3_600_000, eventMs: 365 * 24 * 3_600_000 },
  leaseMs: DEFAULT_LEASE_MS,
  leaderCheckMs: 500,
  flushEveryMs: 200,
  fleetRefreshMs: 5_000,
  rollupEveryMs: 15_000,
  hourRollupEveryMs: 5 * 60_000,
  actionCheckMs: 250,
  webhookCheckMs: 200,
  reminderCheckMs: 30_000,
  drillScheduleCheckMs: 5_000,
  webhookNetworks: NO_NETWORKS,
  auditCheckpointMs: 60_000,
} satisfies Partial<ControlOptions>;

// The background half of a console instance. Every instance runs it; only the holder of the
// leader lease polls, detects and writes, and each write it makes is fenced by its term, so an
// instance that lost the lease (paused, cut off) writes nothing. A leader that loses its database
// keeps polling and buffering (bounded) while it reconnects; it stores the buffer if it leads again
// with no other leader in between, and drops it otherwise.
import { AutoFailover } from "../actions/auto-failover.ts";
import { FormerPrimaries } from "../actions/former-primaries.ts";
import { SentinelFollower } from "../actions/sentinel-follow.ts";
import { ActionRunner } from "../actions/runner.ts";
import { WebhookDispatcher } from "../alerts/dispatcher.ts";
import { AuditCheckpoints } from "../audit/checkpoint-task.ts";
import { releaseHeldBack } from "../alerts/held-back-release.ts";
import { remindOpenAlerts } from "../alerts/reminders.ts";
import { isConnectionError } from "../db/connection-error.ts";
import { createDb } from "../db/client.ts";
import { Detector } from "../detection/detector.ts";
import { primaryLost } from "../detection/events.ts";
import type { NodeRuntime, PollResult } from "../detection/fleet.ts";
import { DrillRunner } from "../drills/runner.ts";
import { runDueSchedules } from "../drills/scheduler.ts";
import type { Query } from "../ingest/flush.ts";
import { RejectedRows } from "../ingest/rejected-rows.ts";
import { storeBatch } from "../ingest/store-batch.ts";
import { WriteBuffer } from "../ingest/write-buffer.ts";
import { fetchStatus } from "../poller/agent-client.ts";
import { Poller } from "../poller/poller.ts";
import { WakeUps } from "../poller/wake-ups.ts";
import { LostLeadership } from "./fence.ts";
import { loadFleet, pushedPoll } from "./fleet-query.ts";
import { Housekeeping } from "./housekeeping.ts";
import { leasePool, workPool } from "./leader-pool.ts";
import { LeaderLease } from "./lease.ts";
import { leaseTimings } from "./lease-timings.ts";
import { Leadership, type ControlMode } from "./leadership.ts";
import { leadershipEvents } from "./leadership-events.ts";
import type { ControlOptions } from "./options.ts";
import { runTasks, type Task } from "./tasks.ts";
import { leaderTerm, type LeaderTerm } from "./term.ts";

const STOP_WAIT_MS = 5_000;

export interface Control {
  mode(): ControlMode;
  /** Tasks of the loop overdue by more than `graceMs`: none while the loop is alive. */
  stalled(graceMs: number): string[];
  buffer: WriteBuffer;
  poller: Poller;
  stop(): Promise<void>;
}

export function startControl(options: ControlOptions): Control {
  const { log, instanceId } = options;
  const timings = leaseTimings(options.leaseMs);
  const pool = workPool(options.databaseUrl, timings);
  const lockPool = leasePool(options.databaseUrl, timings);
  const store = createDb(pool);
  const query: Query = (sql, params) => pool.query(sql, params as unknown[]);
  const lease = new LeaderLease(lockPool, instanceId, timings);
  // A lost primary is stored, and the actions task run, at once: each waiting for its turn costs
  // up to flushEveryMs + actionCheckMs of a failover.
  const buffer = new WriteBuffer(options.bufferLimits, (event) => {
    if (primaryLost(event)) tasks.nudge("Storing");
  });
  const detector = new Detector(buffer);

  const poll = async (node: NodeRuntime, timeoutMs: number): Promise<PollResult | null> => {
    if (node.agentUrl) return fetchStatus(node.agentUrl, node.token, node.name, timeoutMs);
    if (!leadership.term()) return null; // a push-only node cannot be judged without the store
    return pushedPoll(query, node.id, Date.now() - detector.cluster(node.clusterId)!.intervalMs - timeoutMs);
  };
  const poller = new Poller({ detector, poll, now: Date.now });
  const wakeUps = new WakeUps(options.databaseUrl, (nodeId) => void poller.pollNow(nodeId));
  const refreshFleet = async () => {
    detector.sync(await loadFleet(query, options.tokenFor));
    poller.sync(detector.clusterIds());
  };
  const rejected = new RejectedRows(log, (id) => detector.node(id)?.name ?? detector.cluster(id)?.name);
  const counters = () => ({
    droppedSamples: buffer.droppedSamples,
    droppedEvents: buffer.droppedEvents,
    rejectedRows: rejected.byOwner(),
  });
  const housekeeping = new Housekeeping(options, refreshFleet, counters);

  const bufferSamples = options.bufferLimits.samples;
  const said = leadershipEvents({ instanceId, log, housekeeping, poller, detector, buffer, bufferSamples });
  // The leader hears of agents' news (a process gone) while it leads, and only then.
  const events: typeof said = {
    ...said,
    async begin(term, continued) {
      await said.begin(term, continued);
      wakeUps.start();
    },
    end(reason) {
      wakeUps.stop();
      said.end(reason);
    },
  };
  const newTerm = (epoch: number) => leaderTerm(lease, pool, store, epoch);
  const leadership = new Leadership(lease, newTerm, events, options.leaderCheckMs);

  const runner = new ActionRunner({ tokenFor: options.tokenFor, log, egress: { networks: options.webhookNetworks } });
  const autoFailover = new AutoFailover(log);
  const formerPrimaries = new FormerPrimaries({ tokenFor: options.tokenFor, log });
  const sentinelFollower = new SentinelFollower({ tokenFor: options.tokenFor, log });
  const drills = new DrillRunner({ tokenFor: options.tokenFor, log });
  const webhooks = new WebhookDispatcher({
    consoleUrl: options.consoleUrl,
    schedule: options.webhookSchedule,
    egress: { networks: options.webhookNetworks },
    log,
  });
  const auditCheckpoints = new AuditCheckpoints({ everyMs: options.auditCheckpointMs, log });

  async function flush(term: LeaderTerm) {
    if (buffer.pending === 0) return;
    const batch = buffer.take();
    try {
      await storeBatch(term.transaction, batch, {
        isConnectionError: (e) => e instanceof LostLeadership || isConnectionError(e),
        rejected,
      });
      if (batch.events.some(primaryLost)) tasks.nudge("Actions");
      const oldest = batch.samples[0]?.at;
      if (oldest) housekeeping.stored(new Date(oldest));
    } catch (error) {
      // Kept for now: stepping down drops it, leading on with no other leader in between stores it.
      if (error instanceof LostLeadership || isConnectionError(error)) buffer.putBack(batch);
      else
        log(
          `Could not store a batch of ${batch.samples.length} samples and ${batch.events.length} events; ` +
            `dropped it: ${error instanceof Error ? error.message : String(error)}`,
          { level: "error" },
        );
    }
  }

  /** A task for the leader only, run in the term current when it starts. */
  const leading = (name: string, every: number, work: (term: LeaderTerm) => Promise<unknown>): Task => ({
    name,
    every,
    async run() {
      const term = leadership.term();
      if (term) await work(term);
    },
  });
  const tasks = runTasks(
    [
      { name: "Leadership", every: () => leadership.nextCheckMs(), run: () => leadership.check() },
      leading("Housekeeping", options.leaderCheckMs, (term) => housekeeping.run(term)),
      leading("Storing", options.flushEveryMs, flush),
      leading("Actions", options.actionCheckMs, async (term) => {
        await formerPrimaries.tick(term);
        await sentinelFollower.tick(term);
        await autoFailover.tick(term.db);
        await runner.tick(term);
        await drills.tick(term);
      }),
      leading("Webhooks", options.webhookCheckMs, (term) => webhooks.tick(term.db)),
      leading("Reminders", options.reminderCheckMs, async (term) => {
        await releaseHeldBack(term.db);
        await remindOpenAlerts(term.db);
      }),
      leading("Drill schedules", options.drillScheduleCheckMs, (term) => runDueSchedules(term.db, new Date(), log)),
      leading("Audit checkpoints", options.leaderCheckMs, (term) => auditCheckpoints.tick(term)),
    ],
    log,
  );

  return {
    mode: () => leadership.mode,
    stalled: (graceMs) => tasks.stalled(graceMs),
    buffer,
    poller,
    async stop() {
      tasks.stop();
      poller.stop();
      wakeUps.stop();
      const orderly = (async () => {
        const term = leadership.term();
        if (term) await flush(term);
        await leadership.release();
        await store.$disconnect();
        await Promise.all([pool.end(), lockPool.end()]);
      })();
      // A statement stuck behind a lock must not keep Ctrl-C from finishing; the lease then expires by itself.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), STOP_WAIT_MS)));
      if (await Promise.race([orderly.then(() => false), late])) {
        log(`The control loop did not stop within ${STOP_WAIT_MS} ms; left its lease to expire.`, { level: "warn" });
      }
      clearTimeout(timer);
    },
  };
}

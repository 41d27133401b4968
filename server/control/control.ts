// The background half of a console instance. Every instance runs this; only the holder of the
// leader lock polls, detects and writes. A leader that loses its database keeps polling and
// buffering (bounded) while it reconnects; it resumes if it gets the lock back, and steps down,
// dropping its buffer, if another instance took it meanwhile.
import { statusSchema } from "../../agent/protocol.ts";
import { AutoFailover } from "../actions/auto-failover.ts";
import { WebhookDispatcher } from "../alerts/dispatcher.ts";
import { remindOpenAlerts } from "../alerts/reminders.ts";
import { FormerPrimaries } from "../actions/former-primaries.ts";
import { ActionRunner } from "../actions/runner.ts";
import { createDb } from "../db/client.ts";
import { DrillRunner } from "../drills/runner.ts";
import { runDueSchedules } from "../drills/scheduler.ts";
import { Detector } from "../detection/detector.ts";
import type { NodeRuntime, PollResult } from "../detection/fleet.ts";
import { RejectedRows } from "../ingest/rejected-rows.ts";
import { applyRetention, rollUp, rollUpHours, startOfMinute } from "../ingest/rollup.ts";
import { storeBatch } from "../ingest/store-batch.ts";
import { WriteBuffer } from "../ingest/write-buffer.ts";
import { fetchStatus } from "../poller/agent-client.ts";
import { Poller } from "../poller/poller.ts";
import { WakeUps } from "../poller/wake-ups.ts";
import type { ControlOptions } from "./options.ts";
import { loadFleet, pushedStatus } from "./fleet-query.ts";
import { isConnectionError, LeaderLock } from "./leader-lock.ts";
import { publishLeader } from "./leader-record.ts";

export type ControlMode = "follower" | "leader" | "detached";

const STOP_WAIT_MS = 5_000;

export interface Control {
  mode(): ControlMode;
  buffer: WriteBuffer;
  poller: Poller;
  stop(): Promise<void>;
}

export function startControl(options: ControlOptions): Control {
  const { log, instanceId } = options;
  const now = Date.now;
  let mode: ControlMode = "follower";
  let stopped = false;
  const timers: NodeJS.Timeout[] = [];
  const buffer = new WriteBuffer(options.bufferLimits);
  const detector = new Detector(buffer);
  const rejected = new RejectedRows(log, (id) => detector.node(id)?.name ?? detector.cluster(id)?.name);
  const counters = () => ({
    droppedSamples: buffer.droppedSamples,
    droppedEvents: buffer.droppedEvents,
    rejectedRows: rejected.byOwner(),
  });
  const lock = new LeaderLock(options.databaseUrl, (error) => {
    if (mode !== "leader") return;
    mode = "detached";
    log(`Lost the database (${error instanceof Error ? error.message : String(error)}); still polling, buffering up to ${options.bufferLimits.samples} samples while reconnecting.`);
  });

  const poll = async (node: NodeRuntime, timeoutMs: number): Promise<PollResult | null> => {
    if (node.agentUrl) return fetchStatus(node.agentUrl, node.token, node.name, timeoutMs);
    if (!lock.isHeld) return null; // a push-only node cannot be judged without the store
    const since = now() - detector.cluster(node.clusterId)!.intervalMs - timeoutMs;
    try {
      const pushed = await pushedStatus(lock.query, node.id, since);
      const parsed = statusSchema.safeParse(pushed);
      return parsed.success ? { ok: true, status: parsed.data, latencyMs: null } : { ok: false, error: "no report pushed in time", latencyMs: null };
    } catch {
      return null;
    }
  };
  const poller = new Poller({ detector, poll, now });
  const wakeUps = new WakeUps(options.databaseUrl, (nodeId) => void poller.pollNow(nodeId));
  const store = createDb(options.databaseUrl);
  const runner = new ActionRunner({ db: store, tokenFor: options.tokenFor, isLeader: () => mode === "leader" && !stopped, log });
  const autoFailover = new AutoFailover(store, log);
  const formerPrimaries = new FormerPrimaries({ db: store, tokenFor: options.tokenFor, isLeader: () => mode === "leader" && !stopped, log });
  const drills = new DrillRunner({ db: store, tokenFor: options.tokenFor, isLeader: () => mode === "leader" && !stopped, log });
  const webhooks = new WebhookDispatcher({ db: store, consoleUrl: options.consoleUrl, schedule: options.webhookSchedule, log });

  let lastFleetAt = 0;
  let rollupFrom = startOfMinute(now() - 5 * 60_000);
  let lastRollupAt = 0;
  let hoursFrom = startOfMinute(now() - 2 * 3_600_000);
  let lastHoursAt = 0;
  let lastRetentionAt = 0;
  let lastPublishAt = 0;
  let announcedStandby = false;

  async function refreshFleet() {
    detector.sync(await loadFleet(lock.query, options.tokenFor));
    poller.sync(detector.clusterIds());
    lastFleetAt = now();
  }

  async function housekeeping() {
    const at = now();
    if (at - lastFleetAt >= options.fleetRefreshMs) await refreshFleet();
    if (at - lastPublishAt >= 5_000) {
      await publishLeader(lock.query, instanceId, counters());
      lastPublishAt = at;
    }
    if (at - lastRollupAt >= options.rollupEveryMs) {
      const to = startOfMinute(at);
      await rollUp(lock.query, new Date(rollupFrom.getTime() - 2 * 60_000), to);
      rollupFrom = to;
      lastRollupAt = at;
    }
    if (at - lastHoursAt >= options.hourRollupEveryMs) {
      const to = startOfMinute(at);
      await rollUpHours(lock.query, hoursFrom, to);
      // The hour just finished is recomputed once more next time: its last minutes may land late.
      hoursFrom = new Date(to.getTime() - 3_600_000);
      lastHoursAt = at;
    }
    if (at - lastRetentionAt >= 10 * 60_000) {
      const deleted = await applyRetention(lock.query, at, options.retention);
      if (deleted) log(`Retention removed ${deleted} old samples, rollups and events.`);
      lastRetentionAt = at;
    }
  }

  async function step() {
    if (mode === "leader") {
      await housekeeping();
      return;
    }
    const outcome = await lock.tryAcquire();
    if (outcome === "acquired") {
      const resumed = mode === "detached";
      await refreshFleet();
      await publishLeader(lock.query, instanceId, counters());
      mode = "leader";
      wakeUps.start();
      log(resumed ? `Database back; still the leader (${instanceId}); storing ${buffer.pendingSamples} buffered samples.` : `This instance (${instanceId}) is the leader: polling ${detector.nodeCount()} nodes.`);
    } else if (outcome === "taken" && !announcedStandby && mode === "follower") {
      announcedStandby = true;
      log(`This instance (${instanceId}) is standing by: another instance leads.`);
    } else if (outcome === "taken" && mode === "detached") {
      poller.stop();
      wakeUps.stop();
      const lost = buffer.pendingSamples;
      buffer.discard();
      mode = "follower";
      log(`Another instance leads now; stepped down and dropped ${lost} buffered samples.`);
    }
  }

  async function flush() {
    if (mode !== "leader" || buffer.pending === 0) return;
    const batch = buffer.take();
    try {
      await storeBatch(lock.query, batch, { isConnectionError, rejected });
      const oldest = batch.samples[0]?.at;
      if (oldest && new Date(oldest) < rollupFrom) rollupFrom = startOfMinute(new Date(oldest).getTime());
      if (oldest && new Date(oldest) < hoursFrom) hoursFrom = startOfMinute(new Date(oldest).getTime());
    } catch (error) {
      if (isConnectionError(error)) buffer.putBack(batch);
      else log(`Could not store a batch of ${batch.samples.length} samples and ${batch.events.length} events; dropped it: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const loop = (every: number, work: () => Promise<void>) => {
    const run = async () => {
      if (stopped) return;
      try {
        await work();
      } catch (error) {
        if (!isConnectionError(error)) log(`Control loop: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!stopped) timers.push(setTimeout(run, every));
    };
    void run();
  };
  loop(options.leaderCheckMs, step);
  loop(options.flushEveryMs, flush);
  loop(options.actionCheckMs, async () => {
    if (mode !== "leader") return;
    await formerPrimaries.tick();
    await autoFailover.tick();
    await runner.tick();
    await drills.tick();
  });
  loop(options.webhookCheckMs, async () => {
    if (mode === "leader") await webhooks.tick();
  });
  loop(options.reminderCheckMs, async () => {
    if (mode === "leader") await remindOpenAlerts(store);
  });
  loop(options.drillScheduleCheckMs, async () => {
    if (mode === "leader") await runDueSchedules(store, new Date(), log);
  });

  return {
    mode: () => mode,
    buffer,
    poller,
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      poller.stop();
      wakeUps.stop();
      const orderly = (async () => {
        if (mode === "leader") await flush();
        await lock.release();
        await store.$disconnect();
      })();
      // A statement stuck behind a lock must not keep Ctrl-C from finishing.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), STOP_WAIT_MS)));
      if (await Promise.race([orderly.then(() => false), late])) {
        log(`The control loop did not stop within ${STOP_WAIT_MS} ms; closing its connections.`);
        lock.abandon();
        void store.$disconnect().catch(() => undefined);
      }
      clearTimeout(timer);
    },
  };
}

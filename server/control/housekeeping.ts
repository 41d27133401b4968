// The leader's chores besides polling, each at its own cadence: re-reading the fleet, the leader
// record, per-minute and hourly rollups, retention. Every write runs in a transaction fenced by
// the term it belongs to.
import { applyRetention, rollUp, rollUpHours, startOfMinute } from "../ingest/rollup.ts";
import type { ControlOptions } from "./options.ts";
import { publishLeader, type LeaderCounters } from "./leader-record.ts";
import type { LeaderTerm } from "./term.ts";

const PUBLISH_EVERY_MS = 5_000;
const RETENTION_EVERY_MS = 10 * 60_000;

type Counters = () => LeaderCounters;
type Cadence = "fleetRefreshMs" | "rollupEveryMs" | "hourRollupEveryMs";

export class Housekeeping {
  private lastFleetAt = 0;
  private lastPublishAt = 0;
  private rollupFrom: Date;
  private lastRollupAt = 0;
  private hoursFrom: Date;
  private lastHoursAt = 0;
  private lastRetentionAt = 0;

  constructor(
    private readonly options: Pick<ControlOptions, "instanceId" | "log" | "retention" | Cadence>,
    private readonly loadFleet: () => Promise<void>,
    private readonly counters: Counters,
    private readonly now: () => number = Date.now,
  ) {
    this.rollupFrom = startOfMinute(now() - 5 * 60_000);
    this.hoursFrom = startOfMinute(now() - 2 * 3_600_000);
  }

  /** A term begins: the fleet as stored, and the record saying who leads. */
  async begin(term: LeaderTerm) {
    await this.refreshFleet();
    await this.publish(term);
  }

  async run(term: LeaderTerm) {
    const at = this.now();
    if (at - this.lastFleetAt >= this.options.fleetRefreshMs) await this.refreshFleet();
    if (at - this.lastPublishAt >= PUBLISH_EVERY_MS) await this.publish(term);
    if (at - this.lastRollupAt >= this.options.rollupEveryMs) {
      const to = startOfMinute(at);
      const from = new Date(this.rollupFrom.getTime() - 2 * 60_000);
      await term.transaction((query) => rollUp(query, from, to));
      this.rollupFrom = to;
      this.lastRollupAt = at;
    }
    if (at - this.lastHoursAt >= this.options.hourRollupEveryMs) {
      const to = startOfMinute(at);
      const from = this.hoursFrom;
      await term.transaction((query) => rollUpHours(query, from, to));
      // The hour just finished is recomputed once more next time: its last minutes may land late.
      this.hoursFrom = new Date(to.getTime() - 3_600_000);
      this.lastHoursAt = at;
    }
    if (at - this.lastRetentionAt >= RETENTION_EVERY_MS) {
      const deleted = await applyRetention(term.transaction, at, this.options.retention);
      if (deleted) this.options.log(`Retention removed ${deleted} old samples, rollups and events.`);
      this.lastRetentionAt = at;
    }
  }

  /** Samples stored late (a buffer kept through an outage) send the next rollups back to their minutes. */
  stored(oldest: Date) {
    if (oldest < this.rollupFrom) this.rollupFrom = startOfMinute(oldest.getTime());
    if (oldest < this.hoursFrom) this.hoursFrom = startOfMinute(oldest.getTime());
  }

  private async refreshFleet() {
    await this.loadFleet();
    this.lastFleetAt = this.now();
  }

  private async publish(term: LeaderTerm) {
    await term.transaction((query) => publishLeader(query, this.options.instanceId, this.counters()));
    this.lastPublishAt = this.now();
  }
}

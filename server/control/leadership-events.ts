// What a console instance does when its leadership changes: a term begins from the fleet as stored
// (keeping what it buffered only when no other instance led in between), a lost term's decisions
// are dropped with its poller stopped, and each change is said in the log.
import type { Log } from "../../lib/log.ts";
import type { Detector } from "../detection/detector.ts";
import type { WriteBuffer } from "../ingest/write-buffer.ts";
import type { Poller } from "../poller/poller.ts";
import type { Housekeeping } from "./housekeeping.ts";
import type { LeadershipEvents } from "./leadership.ts";

interface Parts {
  instanceId: string;
  log: Log;
  housekeeping: Housekeeping;
  poller: Poller;
  detector: Detector;
  buffer: WriteBuffer;
  /** The buffer's sample limit, for the log. */
  bufferSamples: number;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function leadershipEvents(parts: Parts): LeadershipEvents {
  const { instanceId, log, housekeeping, poller, detector, buffer } = parts;
  return {
    async begin(term, continued) {
      await housekeeping.begin(term);
      log(
        continued
          ? `Still the leader (${instanceId}, epoch ${term.epoch}): no other instance led meanwhile; ` +
              `storing ${buffer.pendingSamples} buffered samples.`
          : `This instance (${instanceId}) is the leader (epoch ${term.epoch}): ` +
              `polling ${detector.nodeCount()} nodes.`,
      );
    },
    end(reason) {
      poller.stop();
      const dropped = buffer.pendingSamples;
      buffer.discard();
      log(`This instance (${instanceId}) lost leadership: ${reason}; stepped down, dropped ${dropped} samples.`, {
        level: "warn",
      });
    },
    detach(error) {
      const limit = parts.bufferSamples;
      log(`Lost the database (${message(error)}); still polling, buffering up to ${limit} samples to store later.`, {
        level: "warn",
      });
    },
    standBy() {
      log(`This instance (${instanceId}) is standing by: another instance leads.`);
    },
  };
}

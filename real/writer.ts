// A client writing numbered records through HAProxy as fast as it can, one at a time, reconnecting
// after any error: which writes were acknowledged, and when, is what RTO and RPO are made of.
// The system's own session (a SQL insert, a Redis SET with WAIT) comes from its pair.

export interface Writer {
  acked: { n: number; at: number }[];
  /** Writes (or connects) that failed: what a client behind a pool that only pauses never sees. */
  failed: number;
  stop(): Promise<void>;
}

/** One connection of the writer: `write` resolves only once the system acknowledged write n. */
export interface WriteSession {
  write(n: number): Promise<void>;
  close(): Promise<void>;
}

export function startWriter(connect: () => Promise<WriteSession>): Writer {
  const acked: { n: number; at: number }[] = [];
  let failed = 0;
  let running = true;
  let n = 0;
  const loop = (async () => {
    while (running) {
      let session: WriteSession | null = null;
      try {
        session = await connect();
        while (running) {
          const next = ++n;
          await session.write(next);
          acked.push({ n: next, at: Date.now() });
        }
      } catch {
        failed++;
        await new Promise((resolve) => setTimeout(resolve, 20));
      } finally {
        await session?.close().catch(() => undefined);
      }
    }
  })();
  return {
    acked,
    get failed() {
      return failed;
    },
    async stop() {
      running = false;
      await loop;
    },
  };
}

/** RTO as a client saw it: the longest wait between two acknowledged writes once `at` passed. */
export function writeGap(
  acked: Writer["acked"],
  at: number,
): { rtoMs: number | null; lastBefore: number | null; firstAfter: number | null } {
  let worst: { from: number; to: number } | null = null;
  for (let i = 1; i < acked.length; i++) {
    const from = acked[i - 1]!.at;
    const to = acked[i]!.at;
    if (to >= at && (!worst || to - from > worst.to - worst.from)) worst = { from, to };
  }
  return worst
    ? { rtoMs: worst.to - worst.from, lastBefore: worst.from, firstAfter: worst.to }
    : { rtoMs: null, lastBefore: null, firstAfter: null };
}

// `haops audit`: the newest audit entries, oldest first as a log reads; --follow polls for new ones
// and prints each once (one JSON object a line with --json).
import type { AuditPage } from "../answers.ts";
import type { Client } from "../client.ts";
import { EXIT } from "../exit.ts";
import type { Io } from "../io.ts";
import { table } from "../table.ts";

type Entry = AuditPage["entries"][number];

export interface AuditFilter {
  limit: number;
  cluster?: string;
  actor?: string;
  action?: string;
}

const row = (e: Entry) => [String(e.seq), e.at, e.actor, e.action, e.target, e.outcome, e.reason ?? ""];
const HEADERS = ["SEQ", "AT", "ACTOR", "ACTION", "TARGET", "OUTCOME", "REASON"];

/** Entries after `seq`, oldest first, paging back until it is reached. */
async function entriesAfter(client: Client, filter: AuditFilter, seq: number): Promise<Entry[]> {
  const found: Entry[] = [];
  let before: number | undefined;
  for (;;) {
    const page = await client.get<AuditPage>("/audit", { ...filter, limit: 100, before });
    const fresh = page.entries.filter((e) => e.seq > seq);
    found.push(...fresh);
    if (fresh.length < page.entries.length || page.entries.length < 100) return found.reverse();
    before = page.entries.at(-1)?.seq;
  }
}

export async function audit(client: Client, io: Io, filter: AuditFilter, follow: { intervalMs: number } | null) {
  const page = await client.get<AuditPage>("/audit", { ...filter });
  const entries = [...page.entries].reverse();
  if (!follow) {
    if (io.json) io.out(JSON.stringify(page, null, 2));
    else {
      io.out(entries.length ? table(HEADERS, entries.map(row)) : "No audit entries.");
      io.out(page.chain.verified ? "Chain verifies." : `Chain BROKEN at ${page.chain.brokenAt ?? "?"}.`);
    }
    return page.chain.verified ? EXIT.done : EXIT.error;
  }
  const print = (e: Entry) => io.out(io.json ? JSON.stringify(e) : row(e).join("  "));
  if (!io.json) io.out(HEADERS.join("  "));
  entries.forEach(print);
  let last = entries.at(-1)?.seq ?? 0;
  for (;;) {
    await io.wait(follow.intervalMs);
    for (const entry of await entriesAfter(client, filter, last)) {
      print(entry);
      last = entry.seq;
    }
  }
}

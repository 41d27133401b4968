// MariaDB GTIDs (domain-server-sequence) as positions and binlog states: how many transactions one
// position is behind another, and which transactions a former primary holds that its new upstream
// never received (orchestrator's errant-GTID check).

export interface Gtid {
  domain: number;
  server: number;
  seq: number;
}

/** "0-1-100,1-2-7" (a position: one GTID per domain; a binlog state: one per domain and server). */
export function parseGtids(text: string | null | undefined): Gtid[] {
  if (!text) return [];
  return text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^(\d+)-(\d+)-(\d+)$/.exec(part);
      if (!match) throw new Error(`not a MariaDB GTID: ${part}`);
      return { domain: Number(match[1]), server: Number(match[2]), seq: Number(match[3]) };
    });
}

export const formatGtid = (g: Gtid) => `${g.domain}-${g.server}-${g.seq}`;

/**
 * Transactions `ahead` holds beyond `behind`, over every domain: sequence numbers grow by one per
 * transaction in a domain (gtid_strict_mode), whichever server wrote them, so the difference counts them.
 */
export function transactionsBehind(ahead: Gtid[], behind: Gtid[]): number {
  let total = 0;
  for (const g of ahead) {
    const seen = Math.max(0, ...behind.filter((b) => b.domain === g.domain).map((b) => b.seq));
    total += Math.max(0, g.seq - seen);
  }
  return total;
}

export interface ErrantRange {
  domain: number;
  server: number;
  from: number;
  to: number;
}

/**
 * Transactions in `mine` (this server's gtid_binlog_state: the last sequence of each domain and
 * server) that `upstream`'s binlog state does not reach for that same domain and server. Sequence
 * numbers alone would not do: after a failover the new primary's own transactions reuse the numbers
 * the lost primary had written past, under another server id.
 */
export function errantTransactions(mine: Gtid[], upstream: Gtid[]): ErrantRange[] {
  const known = (g: Gtid) => upstream.find((u) => u.domain === g.domain && u.server === g.server)?.seq ?? 0;
  const ranges: ErrantRange[] = [];
  for (const g of mine) {
    if (g.seq <= known(g)) continue;
    // Another server's transaction this one applied, and the upstream has, came before the errant ones.
    const agreed = mine
      .filter((o) => o.domain === g.domain && o.server !== g.server && o.seq < g.seq && o.seq <= known(o))
      .map((o) => o.seq);
    ranges.push({ domain: g.domain, server: g.server, from: Math.max(known(g), ...agreed) + 1, to: g.seq });
  }
  return ranges;
}

export function describeRanges(ranges: ErrantRange[]): string {
  return ranges
    .map((r) => {
      const from = formatGtid({ domain: r.domain, server: r.server, seq: r.from });
      return r.from === r.to ? from : `${from}..${formatGtid({ domain: r.domain, server: r.server, seq: r.to })}`;
    })
    .join(", ");
}

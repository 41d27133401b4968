import { describe, expect, it } from "vitest";
import { describeRanges, errantTransactions, parseGtids, transactionsBehind } from "./gtid.ts";

describe("parseGtids", () => {
  it("reads a position or a binlog state, one GTID per domain (and server)", () => {
    expect(parseGtids("0-1-100, 1-2-7")).toEqual([
      { domain: 0, server: 1, seq: 100 },
      { domain: 1, server: 2, seq: 7 },
    ]);
    expect(parseGtids("")).toEqual([]);
    expect(parseGtids(null)).toEqual([]);
  });

  it("refuses what is no MariaDB GTID (a MySQL UUID set)", () => {
    expect(() => parseGtids("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5")).toThrow("not a MariaDB GTID");
  });
});

describe("transactionsBehind", () => {
  it("counts by sequence number per domain, whichever server wrote them", () => {
    expect(transactionsBehind(parseGtids("0-2-1043,1-1-10"), parseGtids("0-1-1040,1-1-10"))).toBe(3);
    expect(transactionsBehind(parseGtids("0-1-5"), parseGtids(""))).toBe(5);
    // A replica ahead of what it is compared with is not behind by a negative count.
    expect(transactionsBehind(parseGtids("0-1-5"), parseGtids("0-1-9"))).toBe(0);
  });
});

describe("errantTransactions", () => {
  it("finds what a crashed primary wrote past what its successor received from it", () => {
    // db-1 (server 1) wrote up to 1043; db-2 received up to 1040, then wrote on as server 2 up to 2000.
    const errant = errantTransactions(parseGtids("0-1-1043"), parseGtids("0-1-1040,0-2-2000"));
    expect(errant).toEqual([{ domain: 0, server: 1, from: 1041, to: 1043 }]);
    expect(describeRanges(errant)).toBe("0-1-1041..0-1-1043");
  });

  it("starts the range after the upstream's transactions this server applied in between", () => {
    // db-1: 0-1-7, then 0-2-8 (replicated from db-2), then its own 0-1-9; db-2 has 0-1-7 and 0-2-8.
    const errant = errantTransactions(parseGtids("0-1-9,0-2-8"), parseGtids("0-1-7,0-2-8"));
    expect(describeRanges(errant)).toBe("0-1-9");
  });

  it("finds none in a clean switchover, where the new primary holds everything", () => {
    expect(errantTransactions(parseGtids("0-1-1043,0-2-10"), parseGtids("0-1-1043,0-2-12"))).toEqual([]);
    expect(errantTransactions(parseGtids(""), parseGtids("0-2-5"))).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { auditHash, auditHmac, canonicalJson, GENESIS_HASH } from "./hash.ts";

const entry = {
  at: new Date("2026-11-21T10:00:00.000Z"),
  actor: "ada@example.com",
  action: "cluster.pause",
  target: "orders-db",
  reason: "maintenance",
  guards: null,
  outcome: "done",
  details: { paused: true, nested: { b: 1, a: 2 } },
  prevHash: GENESIS_HASH,
};

describe("audit hash", () => {
  it("does not depend on key order", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 1, c: 2 }] })).toBe('{"a":[{"c":2,"d":1}],"b":1}');
  });

  it("changes when any field or the previous hash changes", () => {
    const base = auditHash(entry);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(auditHash({ ...entry, reason: "maintenance." })).not.toBe(base);
    expect(auditHash({ ...entry, details: { paused: false, nested: { b: 1, a: 2 } } })).not.toBe(base);
    expect(auditHash({ ...entry, prevHash: "1".repeat(64) })).not.toBe(base);
    expect(auditHash({ ...entry, details: { nested: { a: 2, b: 1 }, paused: true } })).toBe(base);
  });

  it("keys entries: the HMAC needs the key, and differs from the plain hash", () => {
    const keyed = auditHmac("k".repeat(32), entry);
    expect(keyed).toMatch(/^[0-9a-f]{64}$/);
    expect(keyed).not.toBe(auditHash(entry));
    expect(auditHmac("x".repeat(32), entry)).not.toBe(keyed);
  });
});

// A checkpoint's signature covers every field it states and needs the key.
import { describe, expect, it } from "vitest";
import { checkpointSigned, signCheckpoint, type CheckpointFields } from "./checkpoint-sign.ts";

const KEY = "k".repeat(32);
const checkpoint: CheckpointFields = {
  at: new Date("2026-12-02T03:00:00.000Z"),
  seq: 1000n,
  hash: "a".repeat(64),
  verified: true,
  brokenAt: null,
  note: null,
  fullWalk: false,
};

describe("checkpoint signatures", () => {
  it("verify under the key that made them, and no other", () => {
    const signature = signCheckpoint(KEY, checkpoint);
    expect(checkpointSigned(KEY, { ...checkpoint, signature })).toBe(true);
    expect(checkpointSigned("x".repeat(32), { ...checkpoint, signature })).toBe(false);
  });

  it("break when any field changes", () => {
    const signature = signCheckpoint(KEY, checkpoint);
    const changes: Partial<CheckpointFields>[] = [
      { seq: 980n },
      { hash: "b".repeat(64) },
      { verified: false },
      { brokenAt: 3n },
      { note: "x" },
      { fullWalk: true },
      { at: new Date("2026-12-02T03:00:00.001Z") },
    ];
    for (const change of changes) expect(checkpointSigned(KEY, { ...checkpoint, ...change, signature })).toBe(false);
  });
});

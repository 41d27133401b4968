import { describe, expect, it } from "vitest";
import type { EventRow } from "../detection/events.ts";
import { sampleOf } from "../detection/sample.ts";
import { WriteBuffer } from "./write-buffer.ts";

const sample = (i: number) => sampleOf("n1", i * 1000, "HEALTHY", "PRIMARY", null, 1);
const event = (i: number): EventRow => ({
  at: new Date(i).toISOString(),
  type: "node.suspect",
  severity: "WARNING",
  summary: `e${i}`,
  details: {},
  clusterId: "c",
  nodeId: null,
});

describe("WriteBuffer", () => {
  it("drops the oldest samples past its bound and counts them", () => {
    const buffer = new WriteBuffer({ samples: 3, events: 10 });
    for (let i = 0; i < 5; i++) buffer.sample(sample(i));
    expect(buffer.droppedSamples).toBe(2);
    expect(buffer.take().samples.map((s) => s.at)).toEqual([2, 3, 4].map((i) => new Date(i * 1000).toISOString()));
  });

  it("puts a failed batch back in front of what arrived meanwhile, within the bound", () => {
    const buffer = new WriteBuffer({ samples: 4, events: 2 });
    buffer.sample(sample(0));
    buffer.sample(sample(1));
    buffer.event(event(0));
    const failed = buffer.take();
    buffer.sample(sample(2));
    buffer.sample(sample(3));
    buffer.sample(sample(4));
    buffer.event(event(1));
    buffer.event(event(2));
    buffer.putBack(failed);
    const batch = buffer.take();
    expect(batch.samples.map((s) => new Date(s.at).getTime() / 1000)).toEqual([1, 2, 3, 4]);
    expect(batch.events.map((e) => e.summary)).toEqual(["e1", "e2"]);
    expect(buffer.droppedSamples).toBe(1);
    expect(buffer.droppedEvents).toBe(1);
  });

  it("counts what it discards when another instance takes over", () => {
    const buffer = new WriteBuffer({ samples: 10, events: 10 });
    buffer.sample(sample(0));
    buffer.event(event(0));
    buffer.discard();
    expect(buffer.pending).toBe(0);
    expect([buffer.droppedSamples, buffer.droppedEvents]).toEqual([1, 1]);
  });
});

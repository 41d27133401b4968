import { describe, expect, it } from "vitest";
import type { Acquired, Renewed } from "./lease.ts";
import { leaseTimings } from "./lease-timings.ts";
import { Leadership } from "./leadership.ts";
import type { LeaderTerm } from "./term.ts";

/** A lease that answers what the test scripts, and a record of what the loop was told. */
function setUp() {
  const answers: { acquire: Acquired[]; renew: Renewed[] } = { acquire: [], renew: [] };
  const lease = {
    timings: leaseTimings(5_000),
    acquire: async () => answers.acquire.shift()!,
    renew: async () => answers.renew.shift()!,
    release: async () => undefined,
  };
  const told: string[] = [];
  let failBegin = false;
  const newTerm = (epoch: number) => ({ epoch, isLeader: () => true }) as LeaderTerm;
  const leadership = new Leadership(
    lease,
    newTerm,
    {
      async begin(term, continued) {
        if (failBegin) throw new Error("no database");
        told.push(`begin ${term.epoch}${continued ? " continued" : ""}`);
      },
      end: (reason) => told.push(`end: ${reason}`),
      detach: () => told.push("detach"),
      standBy: () => told.push("stand by"),
    },
    500,
  );
  return { answers, leadership, told, failBegin: (fail: boolean) => (failBegin = fail) };
}

describe("leadership", () => {
  it("stands by once while another leads, and tries again just after the lease it saw expires", async () => {
    const { answers, leadership, told } = setUp();
    const taken = (expiresInMs: number) => ({ outcome: "taken" as const, holder: "b", epoch: 4, expiresInMs });
    answers.acquire.push(taken(3_000), taken(120));
    await leadership.check();
    expect(leadership.nextCheckMs()).toBe(500);
    await leadership.check();
    expect(leadership.nextCheckMs()).toBe(130);
    expect(told).toEqual(["stand by"]);
    expect(leadership.mode).toBe("follower");
  });

  it("leads once it takes the lease, renews every quarter lease, and rides out the database going away", async () => {
    const { answers, leadership, told } = setUp();
    answers.acquire.push({ outcome: "acquired", epoch: 5 });
    answers.renew.push({ outcome: "unreachable", error: new Error("gone") }, { outcome: "renewed" });
    await leadership.check();
    expect([leadership.mode, leadership.term()?.epoch, leadership.nextCheckMs()]).toEqual(["leader", 5, 1_250]);
    await leadership.check();
    expect([leadership.mode, leadership.term()]).toEqual(["detached", null]);
    await leadership.check();
    expect(told).toEqual(["begin 5", "detach", "begin 5 continued"]);
    expect(leadership.mode).toBe("leader");
  });

  it("keeps its buffer only when it takes the lease again in the very next epoch", async () => {
    const { answers, leadership, told } = setUp();
    const acquired = (epoch: number) => ({ outcome: "acquired" as const, epoch });
    answers.acquire.push(acquired(5), acquired(6), acquired(9));
    answers.renew.push({ outcome: "lost" }, { outcome: "lost" });
    await leadership.check();
    await leadership.check();
    await leadership.check();
    expect(told).toEqual([
      "begin 5",
      "begin 6 continued",
      "end: other instances led in between (epoch 6 → 9)",
      "begin 9",
    ]);
  });

  it("steps down when another instance took the lease", async () => {
    const { answers, leadership, told } = setUp();
    answers.acquire.push({ outcome: "acquired", epoch: 5 });
    answers.acquire.push({ outcome: "taken", holder: "b", epoch: 6, expiresInMs: 5_000 });
    answers.renew.push({ outcome: "lost" });
    await leadership.check();
    await leadership.check();
    expect(told).toEqual(["begin 5", "end: b leads in epoch 6"]);
    expect([leadership.mode, leadership.term()]).toEqual(["follower", null]);
  });

  it("begins a term again whose beginning failed, on its next renewal", async () => {
    const { answers, leadership, told, failBegin } = setUp();
    answers.acquire.push({ outcome: "acquired", epoch: 5 });
    answers.renew.push({ outcome: "renewed" });
    failBegin(true);
    await expect(leadership.check()).rejects.toThrow("no database");
    expect(leadership.term()).toBeNull();
    failBegin(false);
    await leadership.check();
    expect(told).toEqual(["begin 5"]);
    expect(leadership.term()?.epoch).toBe(5);
  });
});

// Action parameters checked once, by type, before any driver sees them (protocol.ts, perform.ts).
import { describe, expect, it } from "vitest";
import type { Driver } from "./drivers/driver.ts";
import { boundedDetail, perform } from "./perform.ts";
import { DRIVER_ACTION_TYPES, MAX_RESULT_DETAIL, type AgentAction, type AgentActionRequest } from "./protocol.ts";

function recorder() {
  const seen: AgentAction[] = [];
  const driver: Driver = {
    status: () => Promise.reject(new Error("not asked")),
    gate: () => ({ kind: "answer" }),
    act: async (action) => {
      seen.push(action);
      return { status: "done" };
    },
  };
  const run = (type: AgentActionRequest["type"], params: Record<string, unknown> = {}) =>
    perform(driver, { id: "k", type, params });
  return { seen, run };
}

/** The least each type needs. */
const NEEDS: Partial<Record<AgentActionRequest["type"], Record<string, unknown>>> = {
  "set-weight": { weight: 0 },
  "inject-fault": { kind: "crash" },
};

const KINDS = "must be one of crash, kill, partition, lag, slow, errors, stall";

describe("action parameters", () => {
  it("hands every driver action type with good parameters to the driver, parsed", async () => {
    const { seen, run } = recorder();
    for (const type of DRIVER_ACTION_TYPES) expect(await run(type, NEEDS[type])).toEqual({ status: "done" });
    expect(seen.map((action) => action.type)).toEqual(DRIVER_ACTION_TYPES);
  });

  it("fills a fault's defaults and drops parameters no schema names", async () => {
    const { seen, run } = recorder();
    await run("inject-fault", { kind: "lag", note: "x" });
    await run("demote", { upstream: "db-2", force: true });
    await run("inject-fault", { kind: "stall" });
    expect(seen.map((action) => action.params)).toEqual([
      { kind: "lag", bytesPerSec: 4 * 1024 * 1024 },
      { upstream: "db-2" },
      { kind: "stall" },
    ]);
  });

  it.each([
    ["set-weight", {}, "params.weight must be an integer from 0 to 256"],
    ["set-weight", { weight: 257 }, "params.weight must be an integer from 0 to 256"],
    ["set-weight", { weight: 1.5 }, "params.weight must be an integer from 0 to 256"],
    ["set-weight", { weight: "50" }, "params.weight must be an integer from 0 to 256"],
    ["demote", { upstream: 5 }, "params.upstream must be a node name"],
    ["fence", { node: "" }, "params.node must be a node name"],
    ["unfence", { node: "db\u0000" }, "params.node contains a NUL character or a lone UTF-16 surrogate"],
    ["inject-fault", {}, `params.kind ${KINDS}`],
    ["inject-fault", { kind: "meteor" }, `params.kind ${KINDS}`],
    ["inject-fault", { kind: "partition", side: "left" }, "params.side must be one of peers, console, all"],
    ["inject-fault", { kind: "lag", bytesPerSec: 0 }, "params.bytesPerSec must be a number above 0, at most 1e10"],
    ["inject-fault", { kind: "slow", delayMs: 120_001 }, "params.delayMs must be an integer from 1 to 120000"],
    ["inject-fault", { kind: "errors", rate: 1.5 }, "params.rate must be a number from 0 to 1"],
    ["inject-fault", { kind: "stall", ms: 600_001 }, "params.ms must be an integer from 1 to 600000"],
    ["clear-fault", { kind: "meteor" }, `params.kind ${KINDS}`],
  ] as const)("answers %s %j failed, naming the parameter, without the driver", async (type, params, detail) => {
    const { seen, run } = recorder();
    expect(await run(type, params)).toEqual({ status: "failed", detail });
    expect(seen).toEqual([]);
  });
});

describe("a driver's detail", () => {
  it("is kept within the protocol's bound, its head and its tail kept", () => {
    const long = `pg_ctl start failed${"x".repeat(10_000)}FATAL: the last words`;
    const bounded = boundedDetail(long);
    expect(bounded.length).toBe(MAX_RESULT_DETAIL);
    expect(bounded.startsWith("pg_ctl start failed")).toBe(true);
    expect(bounded.endsWith("FATAL: the last words")).toBe(true);
    expect(boundedDetail("short")).toBe("short");
  });
});

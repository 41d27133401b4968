// The console's agent call over real HTTP on 127.0.0.1: a busy agent is waited for under the same
// key (the work runs once), a silent one is given up on, a refusal is an answer.
import type { Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createAgentServer } from "../../agent/server.ts";
import type { Driver } from "../../agent/drivers/driver.ts";
import type { AgentStatus } from "../../agent/protocol.ts";
import { callAgent } from "./agent-call.ts";

const TOKEN = "hat_agent-call-test-token-0123456789";
const timings = { answerMs: 150, aliveMs: 150, budgetMs: 5_000 };
const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

const status: AgentStatus = {
  agent: { id: "a", version: "1" },
  node: { name: "pg-1" },
  observedAt: new Date(0).toISOString(),
  role: "primary",
  healthy: true,
};

async function agent(act: Driver["act"], gate: Driver["gate"] = () => ({ kind: "answer" })) {
  const server = createAgentServer(TOKEN, { status: async () => status, act, gate });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  return { agentUrl: `http://127.0.0.1:${address.port}`, token: TOKEN };
}

const demote = (id: string) => ({ id, type: "demote", params: {}, epoch: 1 });

describe("callAgent", () => {
  it("waits for a busy agent under the same key: the long action runs once and its answer comes back", async () => {
    let runs = 0;
    const target = await agent(async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, 700));
      return { status: "done", detail: "started as a standby of pg-2" };
    });
    const answer = await callAgent(target, demote("k-1"), () => true, timings);
    expect(answer).toEqual({ ok: true, detail: "started as a standby of pg-2", answered: true });
    expect(runs).toBe(1);
  });

  it("gives up on an agent that answers neither the action nor its status, saying it never answered", async () => {
    const target = await agent(
      () => new Promise(() => undefined),
      () => ({ kind: "drop" }),
    );
    const answer = await callAgent(target, demote("k-2"), () => true, timings);
    expect(answer).toMatchObject({ ok: false, answered: false });
    expect(answer.detail).toMatch(/did not answer within/);
  });

  it("stops asking once the caller no longer leads", async () => {
    const target = await agent(() => new Promise(() => undefined));
    const answer = await callAgent(target, demote("k-3"), () => false, timings);
    expect(answer).toMatchObject({ ok: false, answered: false });
  });

  it("takes a refusal as an answer, and an unreachable agent as none", async () => {
    const refusing = await agent(async () => ({ status: "failed", detail: "pg_rewind failed" }));
    expect(await callAgent(refusing, demote("k-4"), () => true, timings)).toEqual({
      ok: false,
      detail: "failed: pg_rewind failed",
      answered: true,
    });
    const gone = await callAgent({ agentUrl: "http://127.0.0.1:1", token: TOKEN }, demote("k-5"), () => true, timings);
    expect(gone).toMatchObject({ ok: false, answered: false });
  });
});

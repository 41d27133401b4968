// What each kind of step does. Agent calls carry the step's idempotency key, so a step run again
// by a new leader is answered, not repeated, by the agent, and the leader's epoch, so an agent
// that has heard from a newer leader refuses a paused one; waits read what the poller stored.
import { setTimeout as sleep } from "node:timers/promises";
import type { Db } from "../db/client.ts";
import { bytes } from "../../lib/format.ts";
import { lagOf, trafficOf } from "../fleet/status-figures.ts";
import { callAgent } from "./agent-call.ts";
import { recordDemoted, recordPromoted } from "./record-roles.ts";
import type { Egress } from "../alerts/egress/target.ts";
import { runHook } from "../hooks/run-hook.ts";
import { runRoute } from "../routes/run-route.ts";
import type { StepSpec } from "./types.ts";

export interface StepContext {
  db: Db;
  clusterId: string;
  tokenFor: (nodeId: string, createdAt: Date) => string;
  /** False once this instance is no longer the leader: waits stop early, agents are not called. */
  isLeader: () => boolean;
  /** The leader's epoch, sent with every agent call. */
  epoch: number;
  /** The action the step belongs to, for what hooks are told. */
  actionId?: string;
  /** Where http hooks may go (the webhooks' egress policy). */
  egress?: Egress;
}

/** `answered: false`: the agent never said (unreachable, or silent past the budget); it may have acted. */
export type StepResult = { ok: boolean; detail: string; answered?: boolean };

const node = (ctx: StepContext, name: string) =>
  ctx.db.node.findFirst({
    where: { clusterId: ctx.clusterId, name },
    select: {
      id: true,
      name: true,
      role: true,
      reportedRole: true,
      state: true,
      confirmedDown: true,
      agentUrl: true,
      agentTokenCreatedAt: true,
      lastStatus: true,
    },
  });

type NodeRow = NonNullable<Awaited<ReturnType<typeof node>>>;

async function waitFor(
  ctx: StepContext,
  name: string,
  timeoutMs: number,
  done: (n: NodeRow) => boolean,
): Promise<NodeRow | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await node(ctx, name);
    if (row && done(row)) return row;
    if (Date.now() >= deadline || !ctx.isLeader()) return null;
    await sleep(200);
  }
}

async function agentCall(
  ctx: StepContext,
  name: string,
  key: string,
  type: string,
  params: Record<string, unknown>,
): Promise<StepResult> {
  const row = await node(ctx, name);
  if (!row) return { ok: false, detail: `no node ${name}` };
  if (!row.agentUrl) return { ok: false, detail: `${name} has no agent the console can call` };
  if (!ctx.isLeader()) return { ok: false, detail: `${name}: not called, this console instance no longer leads` };
  const token = row.agentTokenCreatedAt ? ctx.tokenFor(row.id, row.agentTokenCreatedAt) : null;
  const result = await callAgent(
    { agentUrl: row.agentUrl, token },
    { id: key, type, params, epoch: ctx.epoch },
    ctx.isLeader,
  );
  // A fence may name another node: the one fenced is that one, not the agent asked.
  const fenced = typeof params.node === "string" ? params.node : name;
  if (result.ok && (type === "fence" || type === "unfence"))
    await ctx.db.node.updateMany({
      where: { clusterId: ctx.clusterId, name: fenced },
      data: { fenced: type === "fence" },
    });
  if (result.ok && type === "promote") await recordPromoted(ctx.db, ctx.clusterId, name);
  if (result.ok && type === "demote") await recordDemoted(ctx.db, ctx.clusterId, name);
  return { ok: result.ok, detail: `${name}: ${result.detail}`, answered: result.answered };
}

export async function runStep(ctx: StepContext, spec: StepSpec, key: string): Promise<StepResult> {
  switch (spec.kind) {
    case "agent":
      return agentCall(ctx, spec.node, key, spec.type, spec.params);
    case "fence-old": {
      // A primary confirmed down may have taken its agent with it: its successor's agent takes
      // it off the write path (the load balancer) without waiting on a dead agent.
      const old = await node(ctx, spec.node);
      if (old?.state === "DOWN" && old.confirmedDown) {
        const off = await agentCall(ctx, spec.via, `${key}:via`, "fence", { node: spec.node });
        if (off.ok) return off;
      }
      return agentCall(ctx, spec.node, key, "fence", {});
    }
    case "confirm-down": {
      const row = await waitFor(ctx, spec.node, spec.timeoutMs, (n) => n.state === "DOWN" && n.confirmedDown);
      return row
        ? { ok: true, detail: `${spec.node} is down, confirmed by its peers` }
        : { ok: false, detail: `${spec.node} was not confirmed down within ${spec.timeoutMs} ms` };
    }
    case "repoint": {
      const others = await ctx.db.node.findMany({
        where: { clusterId: ctx.clusterId, role: "STANDBY", name: { not: spec.node } },
        select: { name: true, state: true },
      });
      const done: string[] = [];
      const missed: string[] = [];
      for (const other of others) {
        const result =
          other.state === "DOWN"
            ? { ok: false }
            : await agentCall(ctx, other.name, `${key}:${other.name}`, "demote", { upstream: spec.node });
        (result.ok ? done : missed).push(other.name);
      }
      const parts = [
        done.length
          ? `${done.join(", ")} now follow${done.length === 1 ? "s" : ""} ${spec.node}`
          : "no other standby to repoint",
        missed.length ? `could not repoint ${missed.join(", ")}` : null,
      ];
      return { ok: true, detail: parts.filter(Boolean).join("; ") };
    }
    case "catch-up": {
      const row = await waitFor(ctx, spec.node, spec.timeoutMs, (n) => lagOf(n.lastStatus).bytes === 0);
      if (row) return { ok: true, detail: `${spec.node} has replayed everything` };
      const lag = lagOf((await node(ctx, spec.node))?.lastStatus).bytes;
      const detail = `${spec.node} did not catch up within ${spec.timeoutMs / 1000} s (lag ${bytes(lag ?? 0)})`;
      return { ok: false, detail };
    }
    case "serving-primary": {
      // Its own agent must say so: the console's record changes the moment it asked for the promotion.
      const row = await waitFor(
        ctx,
        spec.node,
        spec.timeoutMs,
        (n) => n.reportedRole === "PRIMARY" && n.state === "HEALTHY",
      );
      return row
        ? { ok: true, detail: `${spec.node} reports primary and is healthy` }
        : { ok: false, detail: `${spec.node} did not report a healthy primary within ${spec.timeoutMs} ms` };
    }
    case "follows": {
      const follows = (n: NodeRow) =>
        n.reportedRole === "STANDBY" && n.state === "HEALTHY" && lagOf(n.lastStatus).upstream === spec.upstream;
      const row = await waitFor(ctx, spec.node, spec.timeoutMs, follows);
      return row
        ? { ok: true, detail: `${spec.node} is a healthy standby of ${spec.upstream}` }
        : {
            ok: false,
            detail:
              `${spec.node} did not report a healthy standby of ${spec.upstream} ` +
              `within ${spec.timeoutMs / 1000} s`,
          };
    }
    case "hook":
      return runHook(ctx, spec, key, (name, type, params) => agentCall(ctx, name, key, type, params));
    case "route":
      return runRoute(ctx, spec, key, (name: string, subKey: string, type: string, params: Record<string, unknown>) =>
        agentCall(ctx, name, subKey, type, params),
      );
    case "connections-drained": {
      const row = await waitFor(
        ctx,
        spec.node,
        spec.timeoutMs,
        (n) => (trafficOf(n.lastStatus)?.activeConnections ?? 0) === 0,
      );
      return row
        ? { ok: true, detail: `${spec.node} has no connections left` }
        : { ok: false, detail: `${spec.node} still has connections after ${spec.timeoutMs / 1000} s` };
    }
  }
}

/** The cluster's state in words, for the outcome of an action that stopped. */
export async function clusterStateInWords(db: Db, clusterId: string): Promise<string> {
  const nodes = await db.node.findMany({
    where: { clusterId },
    orderBy: { name: "asc" },
    select: { name: true, role: true, needsRejoin: true, state: true, fenced: true, trafficState: true },
  });
  const role = (n: (typeof nodes)[number]) => (n.needsRejoin ? "former primary (to rejoin)" : n.role.toLowerCase());
  const marks = (n: (typeof nodes)[number]) =>
    `${n.fenced ? " fenced" : ""}${n.trafficState === "DRAIN" ? " drained" : ""}`;
  return nodes.map((n) => `${n.name} ${role(n)} ${n.state.toLowerCase()}${marks(n)}`).join(", ");
}

// A former primary that comes back claiming primary is fenced again at once: the fence the console
// recorded is re-applied through its own agent (or, failing that, taken off the write path through
// the serving primary's agent), and it stays flagged until it rejoins. One rejoined by hand (it
// reports a standby) is no longer flagged. Not in a cluster Redis Sentinel manages: there Sentinel
// turns a returning master into a replica, and HAProxy already sends it no writes. Leader only, on
// every action tick.
import type { Log } from "../../lib/log.ts";
import { appendAudit } from "../audit/append.ts";
import type { LeaderScope } from "../control/term.ts";
import type { Db } from "../db/client.ts";
import { recordEvent } from "../events/record.ts";
import { writableCheck } from "../fleet/status-figures.ts";
import { recordDemoted } from "./record-roles.ts";
import { runStep, type StepContext } from "./steps.ts";

/** A refused fence is tried again under a fresh idempotency key this often (the agent would repeat its answer). */
const RETRY_MS = 5_000;

export interface FormerPrimaryDeps {
  tokenFor: StepContext["tokenFor"];
  log: Log;
}

type Former = { id: string; name: string; clusterId: string; stateChangedAt: Date | null; cluster: { name: string } };

export class FormerPrimaries {
  /** Outcomes already said, per node, return (its state change) and outcome. */
  private readonly raised = new Set<string>();
  private busy = false;

  constructor(private readonly deps: FormerPrimaryDeps) {}

  async tick(term: LeaderScope, now = Date.now()) {
    if (this.busy) return;
    this.busy = true;
    try {
      const nodes = await term.db.node.findMany({
        where: { needsRejoin: true, state: "HEALTHY", reportedRole: { in: ["PRIMARY", "STANDBY"] } },
        select: {
          id: true,
          name: true,
          clusterId: true,
          reportedRole: true,
          stateChangedAt: true,
          lastStatus: true,
          cluster: { select: { name: true, managedBy: true } },
        },
      });
      for (const node of nodes) {
        if (!term.isLeader()) return;
        if (node.reportedRole === "STANDBY") await this.rejoinedByHand(term.db, node);
        // Sentinel turns a returning master into a replica itself, and may choose it again: no fence against it.
        else if (node.cluster.managedBy === "console" && writableCheck(node.lastStatus) !== false)
          await this.fenceAgain(term, node, now);
      }
    } finally {
      this.busy = false;
    }
  }

  private async rejoinedByHand(db: Db, node: Former) {
    await recordDemoted(db, node.clusterId, node.name);
    const summary = `${node.name}, the former primary, reports a standby: rejoined`;
    const { clusterId, id: nodeId } = node;
    await recordEvent(db, { type: "node.rejoined", severity: "INFO", summary, clusterId, nodeId });
  }

  private async fenceAgain(term: LeaderScope, node: Former, now: number) {
    const { db } = term;
    const ctx: StepContext = {
      db,
      clusterId: node.clusterId,
      tokenFor: this.deps.tokenFor,
      isLeader: term.isLeader,
      epoch: term.epoch,
    };
    const key = `refence:${node.id}:${Math.floor(now / RETRY_MS)}`;
    let result = await runStep(ctx, { kind: "agent", node: node.name, type: "fence", params: {} }, key);
    if (!result.ok) {
      const primary = await db.node.findFirst({
        where: { clusterId: node.clusterId, role: "PRIMARY", state: "HEALTHY" },
        select: { name: true },
      });
      if (primary)
        result = await runStep(
          ctx,
          { kind: "agent", node: primary.name, type: "fence", params: { node: node.name } },
          `${key}:via`,
        );
    }
    // Until the next poll shows the fence holding, the call repeats (answered from the agent's
    // idempotency cache within RETRY_MS); each outcome is said once per return.
    const said = `${node.id}@${node.stateChangedAt?.toISOString()}:${result.ok}`;
    if (this.raised.has(said)) return;
    this.raised.add(said);
    const summary = result.ok
      ? `${node.name}, the former primary, came back claiming primary; fenced again (${result.detail}): rejoin it`
      : `${node.name}, the former primary, came back claiming primary and could not be fenced (${result.detail}): ` +
        "two writers possible";
    const type = result.ok ? "node.refenced" : "node.refence_failed";
    const severity = result.ok ? "WARNING" : "CRITICAL";
    await recordEvent(db, { type, severity, summary, clusterId: node.clusterId, nodeId: node.id });
    await db.$transaction((tx) =>
      appendAudit(tx, {
        actorId: null,
        actor: "system",
        action: "node.refence",
        target: `${node.cluster.name}/${node.name}`,
        outcome: result.ok ? "fenced" : "failed",
        details: { detail: result.detail },
      }),
    );
    this.deps.log(summary, { level: result.ok ? "warn" : "error", cluster: node.cluster.name, node: node.name });
  }
}

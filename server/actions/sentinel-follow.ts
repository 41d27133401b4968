// Redis Sentinel fails a Sentinel-managed cluster over by itself: the console follows rather than
// fights. The node roles already follow what the agents report (detection); what Sentinel does not
// move is the write path. Once one healthy node reports primary where the write path was last
// pointed at another, and no action of the console's made it so or runs on the cluster, the new
// primary's agent points HAProxy's write backend at it (a promote with `follow`: it asks nothing of
// Sentinel, and does nothing on a node Sentinel does not name master); then the former primary is
// flagged to rejoin (Sentinel turns it into a replica), and an event and the
// audit log say so. A repoint that fails is asked again on every tick, said once. Leader only, on
// every action tick; a new leader points the write path at the master it finds, once, and says so
// if the store last saw it pointed elsewhere (Sentinel failed over while no leader watched).
import type { Log } from "../../lib/log.ts";
import { appendAudit } from "../audit/append.ts";
import type { LeaderScope } from "../control/term.ts";
import { recordEvent } from "../events/record.ts";
import { ACTIVE_STATUSES } from "./cluster-state.ts";
import { recordPromoted } from "./record-roles.ts";
import { lastPointed, type Pointed } from "./sentinel-pointed.ts";
import { runStep, type StepContext } from "./steps.ts";

/** A refused repoint is asked again under a fresh idempotency key this often (the agent would repeat its answer). */
const RETRY_MS = 5_000;

export interface SentinelFollowDeps {
  tokenFor: StepContext["tokenFor"];
  log: Log;
}

type Cluster = {
  id: string;
  name: string;
  nodes: { id: string; name: string; reportedRole: string | null; state: string }[];
};

export class SentinelFollower {
  /** Per cluster, the node the write path was last pointed at, and since when. */
  private readonly pointed = new Map<string, Pointed>();
  /** Failed repoints already said, per node and detail. */
  private readonly said = new Set<string>();
  private busy = false;

  constructor(private readonly deps: SentinelFollowDeps) {}

  async tick(term: LeaderScope, now = Date.now()) {
    if (this.busy) return;
    this.busy = true;
    try {
      const clusters = await term.db.cluster.findMany({
        where: {
          managedBy: "sentinel",
          mode: "ACTIVE_PASSIVE",
          actions: { none: { status: { in: [...ACTIVE_STATUSES] } } },
        },
        select: {
          id: true,
          name: true,
          nodes: { select: { id: true, name: true, reportedRole: true, state: true } },
        },
      });
      for (const cluster of clusters) {
        if (!term.isLeader()) return;
        await this.follow(term, cluster, now);
      }
    } finally {
      this.busy = false;
    }
  }

  private async follow(term: LeaderScope, cluster: Cluster, now: number) {
    const claims = cluster.nodes.filter((n) => n.state === "HEALTHY" && n.reportedRole === "PRIMARY");
    // None: Sentinel has not chosen yet. Two: a failover in flight, or split-brain, which detection raises.
    const chosen = claims.length === 1 ? claims[0]! : null;
    if (!chosen) return;
    const remembered = this.pointed.get(cluster.id);
    // The console's own failover asked Sentinel and pointed the write path itself; the store says where.
    const known = (await lastPointed(term.db, cluster.id, remembered?.since)) ?? remembered ?? null;
    // A leader's first sight points the write path at Sentinel's master again, without a word if it was.
    if (remembered && known?.node === chosen.name) return void this.pointed.set(cluster.id, known);
    const former = known && known.node !== chosen.name ? known.node : null;
    const ctx: StepContext = {
      db: term.db,
      clusterId: cluster.id,
      tokenFor: this.deps.tokenFor,
      isLeader: term.isLeader,
      epoch: term.epoch,
    };
    const key = `sentinel-follow:${chosen.id}:${Math.floor(now / RETRY_MS)}`;
    const follow = { kind: "agent", node: chosen.name, type: "promote", params: { follow: true } } as const;
    const repoint = await runStep(ctx, follow, key);
    const target = `${cluster.name}/${chosen.name}`;
    if (!repoint.ok) {
      const said = `${chosen.id}:${repoint.detail}`;
      if (this.said.has(said)) return;
      this.said.add(said);
      const summary =
        `Sentinel made ${chosen.name} the primary of ${cluster.name}, but its agent could not point the write ` +
        `path at it (${repoint.detail}); asked again every ${RETRY_MS / 1000} s`;
      await recordEvent(term.db, {
        type: "sentinel.repoint_failed",
        severity: "CRITICAL",
        summary,
        clusterId: cluster.id,
        nodeId: chosen.id,
      });
      this.deps.log(summary, { level: "error", cluster: cluster.name, node: chosen.name });
      return;
    }
    this.pointed.set(cluster.id, { node: chosen.name, since: new Date(now) });
    if (former === null) {
      const said = `Write path of ${cluster.name} pointed at ${chosen.name}, Sentinel's master (${repoint.detail})`;
      return void this.deps.log(said, { cluster: cluster.name, node: chosen.name });
    }
    await recordPromoted(term.db, cluster.id, chosen.name);
    const summary =
      `Sentinel made ${chosen.name} the primary of ${cluster.name} in place of ${former}; ` +
      `the console follows (${repoint.detail})`;
    // The event and the audit entry together: neither is ever stored without the other.
    await term.db.$transaction(async (tx) => {
      await recordEvent(tx, {
        type: "sentinel.failover",
        severity: "WARNING",
        summary,
        clusterId: cluster.id,
        nodeId: chosen.id,
      });
      await appendAudit(tx, {
        actorId: null,
        actor: "system",
        action: "sentinel.follow",
        target,
        outcome: "followed",
        details: { former, detail: repoint.detail },
      });
    });
    this.deps.log(summary, { level: "warn", cluster: cluster.name, node: chosen.name });
  }
}

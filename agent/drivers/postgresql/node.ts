// A PostgreSQL server as a node: status by layer (TCP, postmaster, SQL, an optional business
// query), its role and replication, the peers' reachability; and the actions a failover, a
// switchover and a drill need, done with PostgreSQL's own programs and functions.
import type pg from "pg";
import type { AgentAction, AgentStatus } from "../../protocol.ts";
import { type ActionOutcome, type Driver, type NodeIdentity, outcomeOf, type StatusGate } from "../driver.ts";
import { writeServer } from "../haproxy/server-traffic.ts";
import { fencePeer, onlyWriter, outOfRotation } from "../haproxy/write-backend.ts";
import type { PostgresqlConfig } from "./config.ts";
import { crash, demote, setReadOnly, stall, startServer } from "./control.ts";
import { osUser, type OsUser } from "./os-user.ts";
import { postmaster } from "./process.ts";
import { ACTION_QUERY_MS, withSession } from "./session.ts";
import { readStatus } from "./status.ts";

export class PostgresNode implements Driver {
  private readonly user: OsUser | undefined;
  private stalled: number[] = [];

  constructor(
    private readonly identity: NodeIdentity,
    private readonly config: PostgresqlConfig,
  ) {
    this.user = osUser(config.osUser);
  }

  gate(): StatusGate {
    return { kind: "answer" };
  }

  async processGone(): Promise<boolean> {
    return (await postmaster(this.config.dataDir)).state === "absent";
  }

  /**
   * An action's statements: pg_promote waits up to 60 s for the promotion to finish, and a fence's
   * reload and session ends take what a loaded server takes; cut short at a poll's timeout, the
   * work would go on in the server while the action is reported failed.
   */
  private actionSql<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    return withSession(this.config, work, ACTION_QUERY_MS);
  }

  status(): Promise<AgentStatus> {
    return readStatus(this.identity, this.config);
  }

  act(action: AgentAction): Promise<ActionOutcome> {
    return outcomeOf(() => this.perform(action));
  }

  private async perform(action: AgentAction): Promise<ActionOutcome> {
    const lb = writeServer(this.config.haproxy, this.identity.name);
    switch (action.type) {
      case "promote": {
        const promoted = await this.actionSql(async (client) => {
          if (!(await client.query<{ r: boolean }>("SELECT pg_is_in_recovery() AS r")).rows[0]?.r) return false;
          await client.query("SELECT pg_promote(true, 60)");
          return true;
        });
        if (lb) await onlyWriter(lb.socket, lb.backend, lb.server);
        return {
          status: "done",
          detail:
            (promoted ? "promoted" : "already primary") +
            (lb ? `; HAProxy ${lb.backend} sends writes to ${lb.server} only` : ""),
        };
      }
      case "fence":
      case "unfence": {
        const peer = await fencePeer(action, this.identity.name, lb, this.config.peers);
        if (peer) return peer;
        const fence = action.type === "fence";
        if (fence && lb) await outOfRotation(lb.socket, lb.backend, lb.server).catch(() => undefined);
        if (fence && this.config.fence === "stop")
          return { status: "done", detail: await crash(this.config, this.user, "fast") };
        return {
          status: "done",
          detail: await setReadOnly(this.config, fence, (work) => this.actionSql(work)),
        };
      }
      case "demote": {
        const upstream = this.config.peers.find((p) => p.name === action.params.upstream);
        if (!upstream)
          return {
            status: "failed",
            detail: `params.upstream must name a peer (${this.config.peers.map((p) => p.name).join(", ")})`,
          };
        if (this.stalled.length) await stall(this.stalled, false);
        this.stalled = [];
        return { status: "done", detail: await demote(this.config, this.user, upstream, this.identity.name) };
      }
      case "inject-fault": {
        const fault = action.params;
        if (fault.kind === "crash") return { status: "done", detail: await crash(this.config, this.user, "immediate") };
        if (fault.kind === "stall") {
          const server = await postmaster(this.config.dataDir);
          if (server.pid === null) return { status: "failed", detail: "no postmaster running to stall" };
          this.stalled = await stall([server.pid], true);
          // A stall is a drill's fault: bounded (protocol-faults.ts), so a lost agent cannot leave it frozen.
          const thaw = () => void stall(this.stalled, false).then(() => (this.stalled = []));
          if (fault.ms) setTimeout(thaw, fault.ms).unref();
          return { status: "done", detail: `stopped ${this.stalled.length} server processes (SIGSTOP)` };
        }
        return { status: "unsupported", detail: "faults of this driver: crash, stall" };
      }
      case "clear-fault": {
        if (this.stalled.length) {
          await stall(this.stalled, false);
          this.stalled = [];
          return { status: "done", detail: "server processes continued (SIGCONT)" };
        }
        const server = await postmaster(this.config.dataDir);
        if (server.state === "running") return { status: "done", detail: "no fault to clear" };
        return { status: "done", detail: await startServer(this.config, this.user) };
      }
      default:
        return { status: "unsupported", detail: `${action.type} applies to load-balanced (active) nodes only` };
    }
  }
}

// A MariaDB server as a node: status by layer, its role and replication, the peers' reachability;
// and the actions a failover, a switchover and a drill need, done with MariaDB's own statements
// (GTID replication, read_only, semi-synchronous replication) and signals to its process.
import type { AgentAction, AgentStatus } from "../../protocol.ts";
import { type ActionOutcome, type Driver, type NodeIdentity, outcomeOf, type StatusGate } from "../driver.ts";
import { writeServer } from "../haproxy/server-traffic.ts";
import { fencePeer, onlyWriter, outOfRotation } from "../haproxy/write-backend.ts";
import { type OsUser, osUser } from "../postgresql/os-user.ts";
import { pidFileProcess } from "../postgresql/process.ts";
import type { MariadbConfig } from "./config.ts";
import { kill, setReadOnly, shutdown, signal, startServer } from "./control.ts";
import { demote, promote } from "./replication.ts";
import { ACTION_QUERY_MS, type Session, scalar, withServer } from "./session.ts";
import { readStatus } from "./status.ts";

export class MariadbNode implements Driver {
  private readonly user: OsUser | undefined;
  private stalled: number | null = null;
  /** Fenced while the server was down: it is made read-only as soon as the agent starts it. */
  private fencedWhileDown = false;

  constructor(
    private readonly identity: NodeIdentity,
    private readonly config: MariadbConfig,
  ) {
    this.user = osUser(config.osUser);
  }

  gate(): StatusGate {
    return { kind: "answer" };
  }

  async processGone(): Promise<boolean> {
    return (await pidFileProcess(this.config.pidFile)).state === "absent";
  }

  status(): Promise<AgentStatus> {
    return readStatus(this.identity, this.config);
  }

  /** An action's statements may take what a loaded server takes (a shutdown, applying a relay log). */
  private sql<T>(work: (session: Session) => Promise<T>): Promise<T> {
    return withServer(this.config, work, ACTION_QUERY_MS);
  }

  act(action: AgentAction): Promise<ActionOutcome> {
    return outcomeOf(() => this.perform(action));
  }

  private thaw() {
    if (this.stalled !== null) signal(this.stalled, false);
    const was = this.stalled !== null;
    this.stalled = null;
    return was;
  }

  /** Started by the agent if it is down (to rejoin semi-sync: rejoinArgs); read-only at once if fenced meanwhile. */
  private async running(rejoin = false): Promise<string | null> {
    this.thaw();
    if ((await pidFileProcess(this.config.pidFile)).state !== "absent") return null;
    const semiSync = rejoin && this.config.replicationMode === "sync";
    const started = await startServer(this.config, this.user, semiSync ? this.config.rejoinArgs : []);
    if (this.fencedWhileDown) await this.sql((s) => this.readOnly(s, true));
    this.fencedWhileDown = false;
    return started;
  }

  private async perform(action: AgentAction): Promise<ActionOutcome> {
    const lb = writeServer(this.config.haproxy, this.identity.name);
    switch (action.type) {
      case "promote": {
        const detail = await this.sql((s) => promote(s, this.config, ACTION_QUERY_MS - 10_000));
        if (lb) await onlyWriter(lb.socket, lb.backend, lb.server);
        return {
          status: "done",
          detail: detail + (lb ? `; HAProxy ${lb.backend} sends writes to ${lb.server} only` : ""),
        };
      }
      case "fence":
      case "unfence": {
        const peer = await fencePeer(action, this.identity.name, lb, this.config.peers);
        if (peer) return peer;
        if (action.type === "fence") {
          if (lb) await outOfRotation(lb.socket, lb.backend, lb.server).catch(() => undefined);
          if (this.config.fence === "stop")
            return { status: "done", detail: await shutdown(this.config, (w) => this.sql(w)) };
          if ((await pidFileProcess(this.config.pidFile)).state === "absent") {
            this.fencedWhileDown = true;
            return { status: "done", detail: "fenced while down: read-only once the agent starts it" };
          }
          return { status: "done", detail: await this.sql((s) => this.readOnly(s, true)) };
        }
        this.fencedWhileDown = false;
        const started = await this.running();
        const detail = await this.sql((s) => this.readOnly(s, false));
        return { status: "done", detail: started ? `${started}; ${detail}` : detail };
      }
      case "demote": {
        const upstream = this.config.peers.find((p) => p.name === action.params.upstream);
        if (!upstream)
          return {
            status: "failed",
            detail: `params.upstream must name a peer (${this.config.peers.map((p) => p.name).join(", ")})`,
          };
        const started = await this.running(true);
        const result = await this.sql((s) => demote(s, this.config, this.identity.name, upstream));
        const detail = started ? `${started}; ${result.detail}` : result.detail;
        return { status: result.ok ? "done" : "failed", detail };
      }
      case "inject-fault": {
        const fault = action.params;
        if (fault.kind === "crash") return { status: "done", detail: await kill(this.config) };
        if (fault.kind === "stall") {
          const server = await pidFileProcess(this.config.pidFile);
          if (server.pid === null) return { status: "failed", detail: "no server running to stall" };
          signal(server.pid, true);
          this.stalled = server.pid;
          // A stall is a drill's fault: bounded (protocol-faults.ts), so a lost agent cannot leave it frozen.
          if (fault.ms) setTimeout(() => this.thaw(), fault.ms).unref();
          return { status: "done", detail: `server ${server.pid} stopped (SIGSTOP)` };
        }
        return { status: "unsupported", detail: "faults of this driver: crash, stall" };
      }
      case "clear-fault": {
        if (this.thaw()) return { status: "done", detail: "server continued (SIGCONT)" };
        return { status: "done", detail: (await this.running()) ?? "no fault to clear" };
      }
      default:
        return { status: "unsupported", detail: `${action.type} applies to load-balanced (active) nodes only` };
    }
  }

  private async readOnly(session: Session, on: boolean): Promise<string> {
    const mariadb = /mariadb/i.test(String(await scalar(session, "SELECT VERSION()")));
    return setReadOnly(session, on, mariadb);
  }
}

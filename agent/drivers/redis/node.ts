// A Redis server as a node: status by layer, its role and replication, its peers (and Sentinel's
// view of them); and the actions a failover, a switchover and a drill need, done with Redis's own
// commands (REPLICAOF, CLIENT PAUSE, SHUTDOWN) and signals, HAProxy's write backend following.
import type { AgentAction, AgentStatus } from "../../protocol.ts";
import { type ActionOutcome, type Driver, type NodeIdentity, outcomeOf, type StatusGate } from "../driver.ts";
import { type HaproxyServer, writeServer } from "../haproxy/server-traffic.ts";
import { fencePeer, onlyWriter, outOfRotation } from "../haproxy/write-backend.ts";
import type { RedisConfig, SentinelConfig } from "./config.ts";
import { crash, shutdown, startServer, until } from "./control.ts";
import { serverProcess, signal } from "./process.ts";
import { demoteServer, FENCE_PAUSE_MS, keepRole, onServer, promoteServer } from "./roles.ts";
import { demoteBySentinel, promoteBySentinel, sentinelMasterElsewhere } from "./sentinel-roles.ts";
import type { Address } from "./sentinel.ts";
import { namer, readStatus } from "./status.ts";

export class RedisNode implements Driver {
  /** The pid this agent stopped (a stall), to continue it. */
  private stalled: number | null = null;
  /** Fenced by this agent: a server it starts again is paused again. */
  private fenced = false;
  private readonly nameOf: (at: { host: string; port: number }) => string;

  constructor(
    private readonly identity: NodeIdentity,
    private readonly config: RedisConfig,
  ) {
    this.nameOf = namer(identity.name, config);
  }

  gate(): StatusGate {
    return { kind: "answer" };
  }

  async processGone(): Promise<boolean> {
    return (await serverProcess(this.config.pidFile)).state === "absent";
  }

  status(): Promise<AgentStatus> {
    return readStatus(this.identity, this.config);
  }

  act(action: AgentAction): Promise<ActionOutcome> {
    return outcomeOf(() => this.perform(action));
  }

  private sentinelManaged(): (RedisConfig & { sentinel: SentinelConfig }) | null {
    const { sentinel } = this.config;
    return sentinel ? { ...this.config, sentinel } : null;
  }

  /** HAProxy's write backend sends writes here only; its words for an action's detail. */
  private async onlyWriter(): Promise<string> {
    const lb = writeServer(this.config.haproxy, this.identity.name);
    if (!lb) return "";
    await onlyWriter(lb.socket, lb.backend, lb.server);
    return `; HAProxy ${lb.backend} sends writes to ${lb.server} only`;
  }

  /**
   * Up and answering: continued if it is stopped, started if it is down — as a replica of `upstream`
   * (a demote's) or of the master Sentinel names, from the start; fenced again if this agent fenced it.
   */
  private async running(upstream: Address | null = null): Promise<string[]> {
    const server = await serverProcess(this.config.pidFile);
    if (server.state === "stopped") {
      signal(server.pid, "SIGCONT");
      this.stalled = null;
      return ["continued (SIGCONT)"];
    }
    if (server.state === "running") return [];
    const managed = this.sentinelManaged();
    const master = upstream ?? (managed ? await sentinelMasterElsewhere(managed) : null);
    const started = await startServer(this.config, master);
    if (master) {
      // A start command that is not redis-server's own started a master: it follows at once.
      await onServer(this.config, async (redis) => {
        await redis.command(["REPLICAOF", master.host, String(master.port)]);
        await keepRole(redis);
      });
      return [`${started} as a replica of ${this.nameOf(master)}`];
    }
    if (!this.fenced) return [started];
    await this.pause();
    return [started, "fenced again (writes paused)"];
  }

  private pause() {
    return onServer(this.config, (redis) => redis.command(["CLIENT", "PAUSE", String(FENCE_PAUSE_MS), "WRITE"]));
  }

  private async perform(action: AgentAction): Promise<ActionOutcome> {
    switch (action.type) {
      case "promote": {
        this.fenced = false;
        const managed = this.sentinelManaged();
        if (managed)
          return promoteBySentinel(managed, this.nameOf, () => this.onlyWriter(), action.params.follow ?? false);
        return { status: "done", detail: `${await promoteServer(this.config)}${await this.onlyWriter()}` };
      }
      case "demote":
        return this.demote(action.params.upstream);
      case "fence":
      case "unfence": {
        const lb = writeServer(this.config.haproxy, this.identity.name);
        return (
          (await fencePeer(action, this.identity.name, lb, this.config.peers)) ??
          this.fence(action.type === "fence", lb)
        );
      }
      case "inject-fault": {
        const fault = action.params;
        if (fault.kind === "crash") return { status: "done", detail: await crash(this.config) };
        if (fault.kind !== "stall") return { status: "unsupported", detail: "faults of this driver: crash, stall" };
        const server = await serverProcess(this.config.pidFile);
        if (server.state !== "running" || !signal(server.pid, "SIGSTOP"))
          return { status: "failed", detail: "no redis-server running to stall" };
        const pid = server.pid;
        this.stalled = pid;
        // The signal lands when the kernel next schedules the process: the fault is done once it shows.
        await until(2_000, async () => (await serverProcess(this.config.pidFile)).state === "stopped");
        // A stall is a drill's fault: bounded (protocol-faults.ts), so a lost agent cannot leave it frozen.
        if (fault.ms)
          setTimeout(() => {
            if (this.stalled === pid && signal(pid, "SIGCONT")) this.stalled = null;
          }, fault.ms).unref();
        return { status: "done", detail: `stopped redis-server ${pid} (SIGSTOP)` };
      }
      case "clear-fault": {
        const server = await serverProcess(this.config.pidFile);
        if (server.state === "running") return { status: "done", detail: "no fault to clear" };
        return { status: "done", detail: (await this.running()).join(", ") };
      }
      default:
        return { status: "unsupported", detail: `${action.type} applies to load-balanced (active) nodes only` };
    }
  }

  private async demote(upstream: string | undefined): Promise<ActionOutcome> {
    const managed = this.sentinelManaged();
    if (managed) {
      // Down, Sentinel cannot make it a replica: it is started (or continued) first.
      const steps = await this.running();
      const outcome = await demoteBySentinel(managed, this.nameOf);
      if (outcome.status === "done") this.fenced = false;
      return { ...outcome, detail: [...steps, outcome.detail].join(", ") };
    }
    const peer = this.config.peers.find((p) => p.name === upstream);
    if (!peer)
      return {
        status: "failed",
        detail: `params.upstream must name a peer (${this.config.peers.map((p) => p.name).join(", ")})`,
      };
    const steps = await this.running(peer);
    try {
      steps.push(await demoteServer(this.config, peer));
    } catch (error) {
      // It stayed master: fenced before, it is fenced still.
      if (this.fenced) await this.pause().catch(() => undefined);
      throw error;
    }
    // A replica refuses writes itself; a pause would only stop it applying its master's stream.
    this.fenced = false;
    return { status: "done", detail: steps.join(", ") };
  }

  private async fence(on: boolean, lb: HaproxyServer | null): Promise<ActionOutcome> {
    if (!on) {
      this.fenced = false;
      const steps = await this.running();
      await onServer(this.config, (redis) => redis.command(["CLIENT", "UNPAUSE"]));
      return { status: "done", detail: [...steps, "unfenced: writes accepted"].join(", ") };
    }
    this.fenced = true;
    const out = lb
      ? await outOfRotation(lb.socket, lb.backend, lb.server).then(
          () => true,
          () => false,
        )
      : false;
    const off = out ? `; out of HAProxy ${lb?.backend}` : "";
    if (this.config.fence === "stop") return { status: "done", detail: `${await shutdown(this.config)}${off}` };
    if ((await serverProcess(this.config.pidFile)).state === "absent")
      return { status: "done", detail: `down: nothing to pause${off}; paused when this agent starts it again` };
    await this.pause();
    return { status: "done", detail: `fenced: writes paused (CLIENT PAUSE WRITE)${off}` };
  }
}

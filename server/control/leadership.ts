// Who leads, on top of the lease: a follower takes the lease once it is free, the leader renews it,
// and each change is told to the control loop — a term begins (fresh, or continued when no other
// instance led since this one's last term), ends (another instance leads), or the leader cannot
// reach the database (it keeps its term until it learns otherwise).
import type { LeaderLease } from "./lease.ts";
import type { LeaderTerm } from "./term.ts";

export type ControlMode = "follower" | "leader" | "detached";

type Lease = Pick<LeaderLease, "acquire" | "renew" | "release" | "timings">;

export interface LeadershipEvents {
  /** Resolves once the term may start work; if it throws, the next check begins the term again. */
  begin(term: LeaderTerm, continued: boolean): Promise<void>;
  end(reason: string): void;
  detach(error: unknown): void;
  standBy(): void;
}

export class Leadership {
  private state: ControlMode = "follower";
  private current: LeaderTerm | null = null;
  private standingBy = false;
  private followerDelayMs: number;

  constructor(
    private readonly lease: Lease,
    private readonly newTerm: (epoch: number) => LeaderTerm,
    private readonly events: LeadershipEvents,
    private readonly checkMs: number,
  ) {
    this.followerDelayMs = checkMs;
  }

  get mode(): ControlMode {
    return this.state;
  }

  /** The term this instance may act in now, by its own clock; null when it may not. */
  term(): LeaderTerm | null {
    return this.state === "leader" && this.current?.isLeader() ? this.current : null;
  }

  /** The leader renews a few times a lease; a follower tries again soon after the lease it saw expires. */
  nextCheckMs(): number {
    return this.current ? this.lease.timings.renewEveryMs : this.followerDelayMs;
  }

  async check(): Promise<void> {
    const held = this.current;
    if (held) {
      const renewed = await this.lease.renew(held.epoch);
      // Renewed while not leading: back from the database, or a term whose beginning failed, tried again.
      if (renewed.outcome === "renewed") {
        return this.state === "leader" ? undefined : this.begin(held, this.state === "detached");
      }
      if (renewed.outcome === "unreachable") return this.detach(renewed.error);
    }
    const taken = await this.lease.acquire();
    if (taken.outcome === "unreachable") return this.detach(taken.error);
    if (taken.outcome === "acquired") {
      const continued = held !== null && taken.epoch === held.epoch + 1;
      if (held && !continued) this.end(`other instances led in between (epoch ${held.epoch} → ${taken.epoch})`);
      return this.begin(this.newTerm(taken.epoch), continued);
    }
    this.followerDelayMs = Math.min(this.checkMs, Math.ceil(taken.expiresInMs) + 10);
    if (held) {
      this.end(`${taken.holder} leads in epoch ${taken.epoch}`);
    } else if (!this.standingBy) {
      this.standingBy = true;
      this.events.standBy();
    }
  }

  /** An orderly stop: the lease is ended at once, so another instance takes over without waiting. */
  async release(): Promise<void> {
    const held = this.current;
    this.current = null;
    this.state = "follower";
    if (held) await this.lease.release(held.epoch);
  }

  private async begin(term: LeaderTerm, continued: boolean) {
    this.current = term;
    await this.events.begin(term, continued);
    this.state = "leader";
  }

  private end(reason: string) {
    this.current = null;
    this.state = "follower";
    this.events.end(reason);
  }

  private detach(error: unknown) {
    if (this.state !== "leader") return;
    this.state = "detached";
    this.events.detach(error);
  }
}

// Leadership: a session-level PostgreSQL advisory lock on one dedicated connection. Every write
// the leader makes goes through that same connection, so an instance that lost the lock (its
// session died with the database or the network) cannot write: there are never two leaders.
import pg from "pg";
import type { Query } from "../ingest/flush.ts";

const LOCK_KEY = 0x4841_4f43; // "HAOC"

export type Acquire = "acquired" | "taken" | "unreachable";

/** Errors after which the session (and the lock with it) is gone, as opposed to a bad statement. */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof pg.DatabaseError)) return true;
  return /^(08|57)/.test(error.code ?? "");
}

export class LeaderLock {
  private client: pg.Client | null = null;
  private held = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly onLost: (error: unknown) => void,
  ) {}

  get isHeld(): boolean {
    return this.held;
  }

  async tryAcquire(): Promise<Acquire> {
    try {
      if (!this.client) {
        const client = new pg.Client({ connectionString: this.databaseUrl, keepAlive: true, connectionTimeoutMillis: 3_000, query_timeout: 15_000 });
        client.on("error", (error) => this.lose(client, error));
        this.client = client;
        await client.connect();
      }
      const result = await this.client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [LOCK_KEY]);
      this.held = result.rows[0]?.ok === true;
      return this.held ? "acquired" : "taken";
    } catch {
      this.close();
      return "unreachable";
    }
  }

  /** Runs a statement as the leader; a lost session gives up leadership before the error is thrown. */
  readonly query: Query = async (sql, params) => {
    const client = this.client;
    if (!client || !this.held) throw new Error("This console instance does not hold the leader lock.");
    try {
      return await client.query(sql, params as unknown[]);
    } catch (error) {
      if (isConnectionError(error)) this.lose(client, error);
      throw error;
    }
  };

  private lose(client: pg.Client, error: unknown) {
    if (client !== this.client) return;
    const wasHeld = this.held;
    this.close();
    if (wasHeld) this.onLost(error);
  }

  private close() {
    const client = this.client;
    this.client = null;
    this.held = false;
    client?.end().catch(() => undefined);
  }

  /** Drops the session without waiting for what is running on it; PostgreSQL frees the lock. */
  abandon() {
    this.close();
  }

  async release() {
    const client = this.client;
    if (client && this.held) await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => undefined);
    this.held = false;
    this.client = null;
    await client?.end().catch(() => undefined);
  }
}

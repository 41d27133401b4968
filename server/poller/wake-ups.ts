// The leader hears of pushed reports the moment they are stored (PostgreSQL LISTEN/NOTIFY on its own
// connection), so an agent's news of a process gone leads to a poll at once, whichever console
// instance took the report. Losing the connection costs only speed: the regular polls go on.
import pg from "pg";

export const REPORT_CHANNEL = "haops_report";
const RETRY_MS = 1_000;

export class WakeUps {
  private client: pg.Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly onReport: (nodeId: string) => void,
  ) {}

  start() {
    if (this.running) return;
    this.running = true;
    void this.connect();
  }

  private async connect() {
    if (!this.running) return;
    const client = new pg.Client({
      connectionString: this.databaseUrl,
      keepAlive: true,
      connectionTimeoutMillis: 3_000,
    });
    this.client = client;
    const retry = () => {
      if (this.client !== client) return;
      this.client = null;
      client.end().catch(() => undefined);
      if (this.running) this.timer = setTimeout(() => void this.connect(), RETRY_MS);
    };
    client.on("error", retry);
    client.on("notification", (message) => {
      if (message.channel === REPORT_CHANNEL && message.payload) this.onReport(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${REPORT_CHANNEL}`);
    } catch {
      retry();
    }
  }

  stop() {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = null;
    client?.end().catch(() => undefined);
  }
}

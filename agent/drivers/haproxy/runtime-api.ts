// HAProxy's runtime API over its stats socket (a unix socket or host:port): one command per
// connection, the answer read to the end. `show stat` comes as CSV with a "# " header line.
import { connect } from "node:net";

export interface ServerStat {
  backend: string;
  server: string;
  /** UP, DOWN, MAINT, DRAIN, "no check"… as HAProxy says it. */
  status: string;
  weight: number;
  currentSessions: number;
  requestRate: number | null;
  sessionRate: number;
}

const TIMEOUT_MS = 2_000;

export function runtimeCommand(socket: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const at = socket.lastIndexOf(":");
    const conn = socket.startsWith("/") ? connect(socket) : connect(Number(socket.slice(at + 1)), socket.slice(0, at));
    const chunks: Buffer[] = [];
    conn.setTimeout(TIMEOUT_MS, () =>
      conn.destroy(new Error(`HAProxy did not answer "${command}" within ${TIMEOUT_MS} ms`)),
    );
    conn.on("connect", () => conn.end(`${command}\n`));
    conn.on("data", (chunk) => chunks.push(chunk));
    conn.on("error", reject);
    conn.on("close", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}

/** Commands that change state answer nothing on success, or a sentence saying what is wrong. */
export async function runtimeChange(socket: string, command: string): Promise<void> {
  const answer = (await runtimeCommand(socket, command)).trim();
  if (answer !== "") throw new Error(`HAProxy refused "${command}": ${answer}`);
}

export function parseShowStat(csv: string): ServerStat[] {
  const lines = csv.split("\n").filter((line) => line.trim() !== "");
  const header = lines[0]?.replace(/^# /, "").split(",") ?? [];
  const col = (name: string) => header.indexOf(name);
  const [pxname, svname, status, weight, scur, reqRate, rate] = [
    "pxname",
    "svname",
    "status",
    "weight",
    "scur",
    "req_rate",
    "rate",
  ].map(col);
  return lines
    .slice(1)
    .map((line) => line.split(","))
    .filter((f) => f[svname!] !== "FRONTEND" && f[svname!] !== "BACKEND")
    .map((f) => ({
      backend: f[pxname!] ?? "",
      server: f[svname!] ?? "",
      status: f[status!] ?? "",
      weight: Number(f[weight!] || 0),
      currentSessions: Number(f[scur!] || 0),
      requestRate: reqRate! >= 0 && f[reqRate!] ? Number(f[reqRate!]) : null,
      sessionRate: Number(f[rate!] || 0),
    }));
}

export async function showStat(socket: string): Promise<ServerStat[]> {
  return parseShowStat(await runtimeCommand(socket, "show stat"));
}

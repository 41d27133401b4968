// Knot DNS (Debian's knotd) started for a test on 127.0.0.1 and a free port, from a config and a zone
// file of its own in a temp folder: one zone, a TSIG key its ACL allows to update it, a second key it
// knows but does not allow, DNSSEC off, so a dynamic update is answered and served at once.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import { freePort } from "../server/db/free-port.ts";
import { answerAt, type DnsKey } from "../server/traffic/dns/index.ts";
import { waitUntil } from "./redis-server.ts";

export interface KnotServer {
  host: string;
  port: number;
  zone: string;
  /** Allowed by the zone's ACL to update it. */
  key: DnsKey;
  /** Known to knotd, but its ACL does not allow it to update the zone. */
  otherKey: DnsKey;
  stop(): Promise<void>;
}

const KNOTD = "/usr/sbin/knotd";
const STOP_WITHIN_MS = 10_000;

const newKey = (name: string): DnsKey => ({
  name,
  algorithm: "hmac-sha256",
  secret: randomBytes(32).toString("base64"),
});

function config(dir: string, port: number, zone: string, keys: DnsKey[]): string {
  return [
    "server:",
    // knotd switches to this user once bound: whoever runs the tests (root here), so that it can
    // write its journal and timers in the folder they created, and the test can remove it after.
    `  user: ${userInfo().username}`,
    `  rundir: ${dir}`,
    `  pidfile: ${path.join(dir, "knot.pid")}`,
    `  listen: 127.0.0.1@${port}`,
    // One worker of each kind: the machine is shared, and a test sends one request at a time.
    "  udp-workers: 1",
    "  tcp-workers: 1",
    "  background-workers: 1",
    "log:",
    `  - target: ${path.join(dir, "knot.log")}`,
    "    any: info",
    "database:",
    `  storage: ${dir}`,
    "key:",
    ...keys.flatMap((key) => [`  - id: ${key.name}`, `    algorithm: ${key.algorithm}`, `    secret: ${key.secret}`]),
    "acl:",
    "  - id: update",
    `    key: ${keys[0]!.name}`,
    "    action: update",
    "template:",
    "  - id: default",
    `    storage: ${dir}`,
    "    dnssec-signing: off",
    // Updates stay in the journal: no rewrite of the zone file after each one.
    "    zonefile-sync: -1",
    "zone:",
    `  - domain: ${zone}`,
    `    file: ${zone}.zone`,
    "    acl: update",
    "",
  ].join("\n");
}

const zoneFile = (zone: string) =>
  [`$ORIGIN ${zone}.`, "$TTL 30", "@ SOA ns hostmaster 1 3600 600 86400 30", "@ NS ns", "ns A 127.0.0.1", ""].join(
    "\n",
  );

const readLog = (dir: string) => {
  try {
    return readFileSync(path.join(dir, "knot.log"), "utf8");
  } catch {
    return "(none written)";
  }
};

const exited = (child: ChildProcess) => new Promise<void>((resolve) => child.once("exit", () => resolve()));

/** knotd serving `zone` (default ha.test) from a temp folder; stop() kills it (its own pid) and removes the folder. */
export async function startKnot(zone = "ha.test"): Promise<KnotServer> {
  const dir = mkdtempSync("/tmp/ha-knot-");
  const port = await freePort();
  const [key, otherKey] = [newKey("console-update"), newKey("console-other")];
  const conf = path.join(dir, "knot.conf");
  writeFileSync(conf, config(dir, port, zone, [key, otherKey]), { mode: 0o600 });
  writeFileSync(path.join(dir, `${zone}.zone`), zoneFile(zone));
  const child = spawn(KNOTD, ["-c", conf], { stdio: "ignore" });
  const gone = exited(child);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), STOP_WITHIN_MS);
      await gone;
      clearTimeout(killer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const server = { host: "127.0.0.1", port, zone, key, otherKey, stop };
  try {
    await waitUntil(10_000, `knotd serves ${zone} on port ${port}`, async () => {
      if (child.exitCode !== null) throw new Error(`knotd exited with ${child.exitCode}`);
      await answerAt({ ...server, timeoutMs: 1_000 }, "ns");
      return true;
    });
  } catch (error) {
    const log = readLog(dir);
    await stop();
    throw new Error(`${(error as Error).message}; knot.log:\n${log}`);
  }
  return server;
}

// A MariaDB node's status by layer: TCP, the server process, SQL (with the replica threads) and an
// optional business query; on a primary whether it takes writes; its role and replication; and
// whether its peers' ports answer.
import type { AgentStatus } from "../../protocol.ts";
import type { NodeIdentity } from "../driver.ts";
import { networkCheck, peersView, processCheck, statusDocument } from "../layer-checks.ts";
import { pidFileProcess } from "../postgresql/process.ts";
import { tcpCheck } from "../postgresql/tcp.ts";
import type { MariadbConfig } from "./config.ts";
import { primaryFigures, replicaFigures } from "./figures.ts";
import { peersSeen, positionsOf } from "./peers-seen.ts";
import { heartbeatLag, type Observed, observe, writeHeartbeat } from "./queries.ts";
import { replicaProblem, roleOf } from "./replica-status.ts";
import { withServer } from "./session.ts";

type Check = NonNullable<AgentStatus["checks"]>[number];

const since = (started: number) => Math.round((performance.now() - started) * 100) / 100;
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function readStatus(identity: NodeIdentity, config: MariadbConfig): Promise<AgentStatus> {
  const { host, port, connectTimeoutMs, businessQuery, heartbeat } = config;
  const [tcp, server, peers, seenPeers] = await Promise.all([
    tcpCheck(host, port, connectTimeoutMs),
    pidFileProcess(config.pidFile),
    peersView(config.peers, connectTimeoutMs),
    peersSeen(config),
  ]);
  const checks: Check[] = [
    networkCheck(tcp),
    processCheck("mariadbd", server, `no server process (${config.pidFile})`),
  ];
  let observed: Observed | null = null;
  let heartbeatLagSeconds: number | null = null;
  if (tcp.ok && server.state === "running") {
    const started = performance.now();
    try {
      observed = await withServer(config, async (session) => {
        const seen = await observe(session);
        const problem =
          seen.replica && roleOf(seen.readOnly, seen.replica) === "standby" && replicaProblem(seen.replica);
        checks.push({
          layer: "application",
          name: "sql",
          ok: !problem,
          latencyMs: since(started),
          ...(problem ? { detail: problem } : {}),
        });
        if (businessQuery) {
          const at = performance.now();
          await session.rows(businessQuery).then(
            () => checks.push({ layer: "business", name: "query", ok: true, latencyMs: since(at) }),
            (error: Error) => checks.push({ layer: "business", name: "query", ok: false, detail: error.message }),
          );
        }
        if (heartbeat && seen.replica) heartbeatLagSeconds = await heartbeatLag(session, heartbeat);
        // Only a writable primary stamps: a fenced one's stamp would be a transaction its successor lacks.
        else if (heartbeat?.write && !seen.readOnly) await writeHeartbeat(session, heartbeat);
        return seen;
      });
    } catch (error) {
      checks.push({ layer: "application", name: "sql", ok: false, detail: message(error) });
    }
  }
  const role = observed ? roleOf(observed.readOnly, observed.replica) : "unknown";
  if (observed && role === "primary") {
    checks.push(
      observed.readOnly
        ? { layer: "business", name: "writable", ok: false, detail: "fenced: read_only is on" }
        : { layer: "business", name: "writable", ok: true },
    );
  }
  const status: AgentStatus = { ...statusDocument(identity, role, checks), peers };
  if (observed && role === "standby") {
    const upstream = config.peers.find((p) => p.host === observed.replica?.host && p.port === observed.replica.port);
    const upstreamGtid = (upstream && seenPeers.get(upstream.name)?.gtid) ?? null;
    status.replication = replicaFigures(observed, config.peers, { heartbeatLagSeconds, upstreamGtid });
  } else if (observed) {
    status.replication = primaryFigures(observed, config.peers, positionsOf(seenPeers, config.port));
  }
  return status;
}

// A PostgreSQL node's status by layer: TCP, postmaster, SQL and an optional business query; its
// role and replication as the server sees them; and whether its peers' ports answer.
import type { AgentStatus } from "../../protocol.ts";
import type { NodeIdentity } from "../driver.ts";
import { networkCheck, peersView, processCheck, statusDocument } from "../layer-checks.ts";
import type { PostgresqlConfig } from "./config.ts";
import { postmaster } from "./process.ts";
import { observe, type Observed } from "./queries.ts";
import { withSession } from "./session.ts";
import { tcpCheck } from "./tcp.ts";

type Check = NonNullable<AgentStatus["checks"]>[number];

export async function readStatus(identity: NodeIdentity, config: PostgresqlConfig): Promise<AgentStatus> {
  const { host, port, connectTimeoutMs, businessQuery } = config;
  const [tcp, server, peers] = await Promise.all([
    tcpCheck(host, port, connectTimeoutMs),
    postmaster(config.dataDir),
    peersView(config.peers, connectTimeoutMs),
  ]);
  const checks: Check[] = [networkCheck(tcp), processCheck("postmaster", server, "no postmaster running")];
  let observed: Observed | null = null;
  if (tcp.ok && server.state === "running") {
    const started = performance.now();
    try {
      observed = await withSession(config, async (client) => {
        const seen = await observe(client);
        checks.push({
          layer: "application",
          name: "sql",
          ok: true,
          latencyMs: Math.round((performance.now() - started) * 100) / 100,
        });
        if (businessQuery) {
          const at = performance.now();
          await client.query(businessQuery).then(
            () =>
              checks.push({
                layer: "business",
                name: "query",
                ok: true,
                latencyMs: Math.round((performance.now() - at) * 100) / 100,
              }),
            (error: Error) => checks.push({ layer: "business", name: "query", ok: false, detail: error.message }),
          );
        }
        return seen;
      });
    } catch (error) {
      checks.push({
        layer: "application",
        name: "sql",
        ok: false,
        detail: error instanceof Error ? error.message : String(error),
      });
    }
  }
  if (observed && !observed.inRecovery) {
    checks.push(
      observed.readOnly
        ? { layer: "business", name: "writable", ok: false, detail: "fenced: default_transaction_read_only is on" }
        : { layer: "business", name: "writable", ok: true },
    );
  }
  const role = observed ? (observed.inRecovery ? "standby" : "primary") : "unknown";
  const status: AgentStatus = { ...statusDocument(identity, role, checks), peers };
  if (observed?.receive) {
    const upstream = config.peers.find((p) => `${p.host}:${p.port}` === observed.receive?.upstream)?.name;
    status.replication = {
      upstream,
      mode: config.replicationMode,
      lagBytes: observed.receive.lagBytes,
      lagSeconds: observed.receive.lagSeconds,
      timeline: observed.timeline,
    };
  } else if (observed) {
    status.replication = { timeline: observed.timeline, standbys: observed.standbys };
  }
  return status;
}

// `haops clusters` and `haops cluster NAME`: what the console sees of each cluster and node.
import { ago, bytes, duration, lag, roleLabel, seconds } from "../../lib/format.ts";
import type { Cluster, ClusterList } from "../answers.ts";
import type { Client } from "../client.ts";
import { EXIT } from "../exit.ts";
import { type Io, show } from "../io.ts";
import { table } from "../table.ts";

const flags = (c: Cluster) =>
  [c.splitBrain && "SPLIT-BRAIN", c.paused && "paused", c.imbalanced && "imbalanced"].filter(Boolean).join(", ");

const healthy = (c: Cluster) => `${c.nodes.filter((n) => n.state === "HEALTHY").length}/${c.nodes.length} healthy`;

function clustersTable({ clusters }: ClusterList): string {
  if (clusters.length === 0) return "No clusters yet.";
  const rows = clusters.map((c) => [
    c.name,
    c.mode,
    c.policy,
    healthy(c),
    c.nodes.find((n) => n.role === "primary")?.name ?? (c.mode === "active-passive" ? "NONE" : "–"),
    flags(c) || "–",
  ]);
  return table(["CLUSTER", "MODE", "POLICY", "NODES", "PRIMARY", "FLAGS"], rows);
}

function clusterText(c: Cluster): string {
  const settings = [
    `${c.name}  ${c.mode}, ${c.system}, failover ${c.policy}${flags(c) ? `  [${flags(c)}]` : ""}`,
    `detection within ${duration(c.detectionBoundMs)} (every ${duration(c.intervalMs)}, down after ` +
      `${c.failureThreshold} misses); RPO budget ${bytes(c.rpoBudgetBytes)} / ${seconds(c.rpoBudgetSeconds)}; ` +
      `RTO target ${duration(c.rtoTargetMs)}`,
  ];
  const rows = c.nodes.map((n) => [
    n.name,
    roleLabel(n) + (n.fenced ? " (fenced)" : ""),
    n.state + (n.confirmedDown ? " (confirmed)" : n.isolated ? " (isolated)" : ""),
    `${n.region}/${n.zone}`,
    String(n.weight),
    n.trafficState ?? "–",
    n.lastSample ? lag(n.lastSample.lagBytes, n.lastSample.lagSeconds) : "–",
    ago(n.lastSeenAt),
  ]);
  const nodes = table(["NODE", "ROLE", "STATE", "WHERE", "WEIGHT", "TRAFFIC", "LAG", "SEEN"], rows);
  return [...settings, "", nodes].join("\n");
}

export async function clusters(client: Client, io: Io) {
  show(io, await client.get<ClusterList>("/clusters"), clustersTable);
  return EXIT.done;
}

export async function cluster(client: Client, io: Io, name: string) {
  show(io, await client.get<Cluster>(`/clusters/${encodeURIComponent(name)}`), clusterText);
  return EXIT.done;
}

// A rig's cluster given client routes and hooks, as an admin would save them: the nodes' client
// addresses, a PgBouncer pool steered by the standby's agent, a DNS name at a real Knot server, a
// command hook and an http hook. Written to the store directly: the settings API is tested apart.
import { newWebhookSecret } from "../server/alerts/signature.ts";
import type { KnotServer } from "./knot-server.ts";
import { POOL } from "./pooled-pair.ts";
import type { Rig } from "./rig.ts";

/** Each node reachable at 127.0.0.<i+1>:<its port> (the DNS answer tells them apart; PostgreSQL listens on .1). */
export async function setAddresses(rig: Rig, hosts: [string, string] = ["127.0.0.1", "127.0.0.1"]) {
  for (const [i, node] of rig.pair.nodes.entries())
    await rig.db.node.updateMany({
      where: { clusterId: rig.clusterId, name: node.name },
      data: { address: `${hosts[i]}:${node.port}` },
    });
}

/** The pool, steered through the agent of the node that starts as the standby (it outlives a primary crash). */
export async function routeThroughPgbouncer(rig: Rig) {
  await setAddresses(rig);
  await rig.db.clientRoute.create({
    data: { clusterId: rig.clusterId, name: "pool", kind: "PGBOUNCER", node: rig.pair.nodes[1].name, database: POOL },
  });
}

/** A DNS route's row: the write name `record` at a real Knot server, with the key its ACL allows. */
export const dnsRouteRow = (clusterId: string, knot: KnotServer, record: string) => ({
  clusterId,
  name: "write-name",
  kind: "DNS" as const,
  server: `${knot.host}:${knot.port}`,
  zone: knot.zone,
  record,
  ttl: 5,
  keyName: knot.key.name,
  keyAlgorithm: knot.key.algorithm,
  keySecret: knot.key.secret,
});

export async function routeThroughDns(rig: Rig, knot: KnotServer, record: string) {
  await setAddresses(rig, ["127.0.0.1", "127.0.0.2"]);
  await rig.db.clientRoute.create({ data: dnsRouteRow(rig.clusterId, knot, record) });
}

/** A command hook (run by the standby's agent, which must allow `argv[0]`) and an http hook, after promotion. */
export async function addHooks(rig: Rig, argv: string[], url: string) {
  const secret = newWebhookSecret();
  const common = { clusterId: rig.clusterId, phase: "AFTER_PROMOTE" as const, required: true };
  await rig.db.clusterHook.createMany({
    data: [
      { ...common, position: 0, name: "note", kind: "COMMAND", node: rig.pair.nodes[1].name, argv },
      { ...common, position: 1, name: "tell", kind: "HTTP", url, secret },
    ],
  });
  return secret;
}

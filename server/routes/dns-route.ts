// A DNS route's step: the write name replaced by the new primary's address (or a drained node's
// removed, an undrained node's added back) by RFC 2136 update with TSIG, then asked of the same
// server until it answers so. An update is idempotent: a new leader sends it again safely.
import { isIP } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import type { StepContext } from "../actions/steps.ts";
import type { StepSpec } from "../actions/types.ts";
import { addAddresses, answerAt, type DnsServer, removeAddresses, replaceAddresses } from "../traffic/dns/index.ts";
import { splitHostPort } from "./route-input.ts";

type DnsStep = Extract<StepSpec, { kind: "route"; routeKind: "dns" }>;

async function serverOf(ctx: StepContext, spec: DnsStep): Promise<DnsServer | string> {
  const route = await ctx.db.clientRoute.findUnique({
    where: { clusterId_name: { clusterId: ctx.clusterId, name: spec.route } },
    select: { keySecret: true },
  });
  const at = splitHostPort(spec.server);
  if (!route?.keySecret) return `route ${spec.route} was removed since the plan: no TSIG secret`;
  if (!at) return `${spec.server} is not host:port`;
  const key = { name: spec.keyName, algorithm: spec.keyAlgorithm, secret: route.keySecret };
  return { host: at.host, port: at.port, zone: spec.zone, key, timeoutMs: spec.timeoutMs };
}

export async function dnsRouteStep(ctx: StepContext, spec: DnsStep) {
  const server = await serverOf(ctx, spec);
  if (typeof server === "string") return { ok: false, detail: server };
  const row = await ctx.db.node.findFirst({
    where: { clusterId: ctx.clusterId, name: spec.node },
    select: { address: true },
  });
  const host = row?.address ? splitHostPort(row.address)?.host : undefined;
  if (!host || !isIP(host))
    return { ok: false, detail: `${spec.node}'s client address is not an IP address (route settings)` };
  const name = `${spec.record} at ${spec.server}`;
  try {
    const started = Date.now();
    if (spec.op === "point") await replaceAddresses(server, spec.record, [host], spec.ttl);
    else if (spec.op === "remove") await removeAddresses(server, spec.record, [host]);
    else if (spec.op === "add") await addAddresses(server, spec.record, [host], spec.ttl);
    else return { ok: false, detail: `a DNS route cannot ${spec.op}` };
    const wanted = (answer: string[]) =>
      spec.op === "point" ? answer.length === 1 && answer[0] === host : answer.includes(host) === (spec.op === "add");
    for (;;) {
      const answer = await answerAt(server, spec.record);
      const ms = Date.now() - started;
      if (wanted(answer)) return { ok: true, detail: `${name} answers ${answer.join(", ") || "nothing"} (${ms} ms)` };
      if (ms > spec.timeoutMs)
        return { ok: false, detail: `${name} still answers ${answer.join(", ") || "nothing"} after ${ms} ms` };
      await sleep(50);
    }
  } catch (error) {
    return { ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

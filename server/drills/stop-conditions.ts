// The stop conditions of a running drill: the global halt (at any time), an error rate or a lag
// past its limit (once the fault is in). Any of them aborts the drill, which then restores. The
// faulted nodes' own lag is the drill's doing; the limit guards the standbys outside the fault.
import type { Db } from "../db/client.ts";
import { bytes } from "../../lib/format.ts";
import { lagOf, trafficOf } from "../fleet/status-figures.ts";
import { haltState } from "../halt/halt.ts";
import type { StopConditions } from "./types.ts";

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

export async function stopReason(
  db: Db,
  clusterId: string,
  limits: StopConditions,
  faulted: string[] | null,
): Promise<string | null> {
  const halt = await haltState(db);
  if (halt.active) return `the global halt is on (${halt.by}: ${halt.reason})`;
  if (!faulted) return null;
  const nodes = await db.node.findMany({
    where: { clusterId },
    select: { name: true, role: true, state: true, lastStatus: true },
  });
  for (const node of nodes) {
    const errorRate = node.state === "HEALTHY" ? (trafficOf(node.lastStatus)?.errorRate ?? 0) : 0;
    if (errorRate > limits.maxErrorRate)
      return (
        `stop condition: ${node.name} fails ${percent(errorRate)} of requests, ` +
        `over the limit of ${percent(limits.maxErrorRate)}`
      );
    const lag =
      node.role === "STANDBY" && node.state !== "DOWN" && !faulted.includes(node.name)
        ? (lagOf(node.lastStatus).bytes ?? 0)
        : 0;
    if (lag > limits.maxLagBytes) {
      return `stop condition: ${node.name} lags ${bytes(lag)}, over the limit of ${bytes(limits.maxLagBytes)}`;
    }
  }
  return null;
}

// The real failover drill: a writer writes numbered records through HAProxy; an unattended
// primary-crash drill crashes the primary (its server stopped at once); the console detects,
// fails over (automatic policy: fence, promote, HAProxy repointed), verifies and restores the old
// primary as a standby. Figures: the drill's own, and the writer's RTO and lost rows.
import { SYSTEM_ACTOR } from "../server/actions/request.ts";
import { startDrill } from "../server/drills/request.ts";
import { showStat } from "../agent/drivers/haproxy/runtime-api.ts";
import type { Rig } from "./rig.ts";
import { writeGap } from "./writer.ts";

export interface CrashDrillResult {
  drill: string;
  verdict: string | null;
  /** Why the drill judged as it did (the target missed, the phase that failed). */
  verdictDetail: string | null;
  detectionMs: number | null;
  failoverMs: number | null;
  drillRtoMs: number | null;
  rpoBytes: number | null;
  writerRtoMs: number | null;
  /** Writes (or connects) the writer saw fail: none behind a pool that only pauses. */
  failedWrites: number;
  ackedRows: number;
  lostRows: number;
  newPrimary: string | null;
  oldPrimaryInHaproxy: string | null;
  restoredAsStandby: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function crashDrill(rig: Rig): Promise<CrashDrillResult> {
  const [old, next] = rig.pair.nodes;
  const writer = rig.pair.startWriter();
  await sleep(1_500);
  const { id } = await startDrill(
    rig.db,
    SYSTEM_ACTOR,
    rig.cluster,
    { scenario: "primary-crash", reason: "real failover drill", confirm: rig.cluster, stopConditions: {} },
    { unattended: true },
  );
  const deadline = Date.now() + 90_000;
  let drill = await rig.db.drill.findUniqueOrThrow({ where: { id } });
  while (drill.status === "RUNNING" && Date.now() < deadline) {
    await sleep(200);
    drill = await rig.db.drill.findUniqueOrThrow({ where: { id } });
  }
  await sleep(500);
  await writer.stop();
  const injectedAt = drill.injectedAt?.getTime() ?? Date.now();
  const gap = writeGap(writer.acked, injectedAt);
  const primary = await rig.db.node.findFirst({
    where: { clusterId: rig.clusterId, role: "PRIMARY" },
    select: { name: true },
  });
  const serving = rig.pair.nodes.find((n) => n.name === primary?.name) ?? next;
  const present = await rig.pair.written(serving.name);
  const stats = await showStat(rig.pair.haproxy.socket);
  const oldNode = await rig.db.node.findFirst({
    where: { clusterId: rig.clusterId, name: old.name },
    select: { role: true, state: true },
  });
  const m = drill.measurements as {
    detectionMs?: number | null;
    failoverMs?: number | null;
    rtoMs?: number | null;
    rpoBytes?: number | null;
  };
  return {
    drill: id,
    verdict: drill.verdict,
    verdictDetail: drill.verdictDetail,
    detectionMs: m.detectionMs ?? null,
    failoverMs: m.failoverMs ?? null,
    drillRtoMs: m.rtoMs ?? null,
    rpoBytes: m.rpoBytes ?? null,
    writerRtoMs: gap.rtoMs,
    failedWrites: writer.failed,
    ackedRows: writer.acked.length,
    lostRows: writer.acked.filter((w) => !present.has(w.n)).length,
    newPrimary: primary?.name ?? null,
    oldPrimaryInHaproxy:
      stats.find((s) => s.backend === rig.pair.haproxy.backend && s.server === old.name)?.status ?? null,
    restoredAsStandby: oldNode?.role === "STANDBY" && oldNode.state === "HEALTHY",
  };
}

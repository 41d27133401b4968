// A primary stalled (SIGSTOP, then SIGCONT) while a writer writes through HAProxy: besides costing
// no failover, it must cost no acknowledged write.
import type { Rig } from "./rig.ts";
import { stallPrimary } from "./lost-node.ts";

export async function stallUnderWriter(rig: Rig, ms: number) {
  const writer = rig.pair.startWriter();
  const stall = await stallPrimary(rig, ms);
  await writer.stop();
  const present = await rig.pair.written(rig.pair.nodes[0].name);
  return { ...stall, acked: writer.acked.length, lost: writer.acked.filter((w) => !present.has(w.n)).length };
}

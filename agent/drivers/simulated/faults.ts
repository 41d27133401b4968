// Faults a simulated node can be given through `inject-fault`, parsed from the action's params.
import { z } from "zod";

export const faultSchema = z.discriminatedUnion("kind", [
  /** Stops answering status requests (actions still answer, so the node can be restored). */
  z.object({ kind: z.literal("crash") }),
  /** The service's process is gone while the agent answers and says so (a database killed, its host up). */
  z.object({ kind: z.literal("kill") }),
  /** side "peers": the console reaches it, its peers do not; "console": the reverse; "all": nobody does. */
  z.object({ kind: z.literal("partition"), side: z.enum(["peers", "console", "all"]).default("peers") }),
  /** Replication lag grows by this many bytes per second. */
  z.object({ kind: z.literal("lag"), bytesPerSec: z.number().positive().max(1e10).default(4 * 1024 * 1024) }),
  /** Status answers arrive this late (beyond the console's timeout by default). */
  z.object({ kind: z.literal("slow"), delayMs: z.number().int().min(1).max(120_000).default(3_000) }),
  /** The share of requests that fail. */
  z.object({ kind: z.literal("errors"), rate: z.number().min(0).max(1).default(0.25) }),
]);

export type Fault = z.infer<typeof faultSchema> & { since: number };
export type FaultKind = Fault["kind"];
export const FAULT_KINDS: FaultKind[] = ["crash", "kill", "partition", "lag", "slow", "errors"];

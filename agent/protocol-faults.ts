// The faults `inject-fault` may ask for, each with its options (protocol v1). Every driver reads them
// from here; one that cannot cause a kind answers `unsupported`.
import { z } from "zod";
import { within } from "./protocol-limits.ts";

const LAG_RATE = "must be a number above 0, at most 1e10";

export const FAULT_KINDS = ["crash", "kill", "partition", "lag", "slow", "errors", "stall"] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

export const faultKindSchema = z.enum(FAULT_KINDS, `must be one of ${FAULT_KINDS.join(", ")}`);

export const faultSchema = z.discriminatedUnion(
  "kind",
  [
    /** Simulated: status goes unanswered (actions still answer, to restore it); PostgreSQL: stopped at once. */
    z.object({ kind: z.literal("crash") }),
    /** The service's process is gone while the agent answers and says so (a database killed, its host up). */
    z.object({ kind: z.literal("kill") }),
    /** side "peers": the console reaches it, its peers do not; "console": the reverse; "all": nobody does. */
    z.object({
      kind: z.literal("partition"),
      side: z.enum(["peers", "console", "all"], "must be one of peers, console, all").default("peers"),
    }),
    /** Replication lag grows by this many bytes per second. */
    z.object({
      kind: z.literal("lag"),
      bytesPerSec: z
        .number(LAG_RATE)
        .positive(LAG_RATE)
        .max(1e10, LAG_RATE)
        .default(4 * 1024 * 1024),
    }),
    /** Status answers arrive this late (beyond the console's timeout by default). */
    z.object({ kind: z.literal("slow"), delayMs: within(1, 120_000, true).default(3_000) }),
    /** The share of requests that fail. */
    z.object({ kind: z.literal("errors"), rate: within(0, 1).default(0.25) }),
    /**
     * The server's processes stopped (SIGSTOP) and continued (SIGCONT) after `ms`, or by clear-fault.
     * `ms` is bounded: a drill that loses its agent leaves the server frozen ten minutes at most.
     */
    z.object({ kind: z.literal("stall"), ms: within(1, 600_000, true).optional() }),
  ],
  `must be one of ${FAULT_KINDS.join(", ")}`,
);

export type Fault = z.infer<typeof faultSchema>;

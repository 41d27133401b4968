// The faults a simulated node is under until cleared: every v1 fault but `stall`, which needs a
// real process to stop.
import type { ActionOutcome } from "../driver.ts";
import { FAULT_KINDS, type Fault, type FaultKind } from "../../protocol-faults.ts";

type SimulatedFault = Exclude<Fault, { kind: "stall" }>;

const SIMULATED_KINDS = FAULT_KINDS.filter((kind) => kind !== "stall");

export class FaultSet {
  private readonly active = new Map<FaultKind, SimulatedFault>();

  has(kind: FaultKind): boolean {
    return this.active.has(kind);
  }

  get(kind: FaultKind): SimulatedFault | undefined {
    return this.active.get(kind);
  }

  inject(fault: Fault): ActionOutcome {
    if (fault.kind === "stall") {
      return { status: "unsupported", detail: `faults of this driver: ${SIMULATED_KINDS.join(", ")}` };
    }
    this.active.set(fault.kind, fault);
    return { status: "done", detail: `fault ${fault.kind} injected` };
  }

  /** One kind, or every fault when none is given. */
  clear(kind: FaultKind | undefined): ActionOutcome {
    const cleared = kind === undefined ? [...this.active.keys()] : this.active.has(kind) ? [kind] : [];
    for (const fault of cleared) this.active.delete(fault);
    return { status: "done", detail: cleared.length ? `cleared ${cleared.join(", ")}` : "no fault to clear" };
  }
}

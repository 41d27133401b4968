// Never two writers (DESIGN.md, "Guarded actions"): nothing may make a node writable, or send it
// writes, while another node is the serving primary. Not overridable: no reason justifies it.
import { fail, pass, type GuardNode, type GuardResult, type GuardState } from "./types.ts";

const ID = "single-writer";

/**
 * Nodes that take writes now: the console's primary, or any node that says it is primary, unless
 * its agent says writes are refused (or, with no such check, the console fenced it).
 */
export function writers(state: GuardState): GuardNode[] {
  return state.nodes.filter((n) => {
    if (n.state === "DOWN" || (n.role !== "PRIMARY" && n.reportedRole !== "PRIMARY")) return false;
    return n.writable ?? !n.fenced;
  });
}

/** Would acting on `node` make it take writes? A standby stays read-only whatever its fence says. */
const couldWrite = (node: GuardNode) => node.role === "PRIMARY" || node.reportedRole === "PRIMARY" || node.needsRejoin;

/**
 * `node` is to take writes (promoted, unfenced, put back on the write path); `replaced` is the
 * primary the same action demotes or fences first, if any.
 */
export function singleWriter(state: GuardState, node: GuardNode | undefined, replaced?: string): GuardResult {
  if (!node) return fail(ID, "no node to judge");
  const others = writers(state).filter((n) => n.name !== node.name && n.name !== replaced);
  if (others.length === 0) return pass(ID, `no other node takes writes: ${node.name} would be the only writer`);
  const names = others.map((n) => n.name).join(", ");
  const fix =
    node.needsRejoin || node.reportedRole === "PRIMARY"
      ? `; rejoin ${node.name} as a standby of ${others[0]?.name} instead`
      : "";
  return fail(
    ID,
    `${names} ${others.length === 1 ? "takes" : "take"} writes: ${node.name} would be a second writer${fix}`,
  );
}

/** Unfencing a standby makes no writer; unfencing anything that claims primary must pass singleWriter. */
export function unfenceSingleWriter(state: GuardState, node: GuardNode | undefined): GuardResult {
  if (node && !couldWrite(node)) return pass(ID, `${node.name} is a standby: unfencing it makes no writer`);
  return singleWriter(state, node);
}

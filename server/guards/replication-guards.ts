// Guards of failover and switchover (DESIGN.md, "Guarded actions").
import { bytes, duration, lag, seconds as secondsSaid } from "../../lib/format.ts";
import { fail, pass, type GuardNode, type GuardResult, type GuardState } from "./types.ts";

export function targetHealthy(target: GuardNode | undefined): GuardResult {
  const id = "target-healthy";
  if (!target) return fail(id, "no such target node");
  if (target.role !== "STANDBY") return fail(id, `${target.name} is ${target.role.toLowerCase()}, not a standby`);
  if (target.state !== "HEALTHY")
    return fail(id, `${target.name} is ${target.state.toLowerCase()}, not healthy and reachable`);
  return pass(id, `${target.name} is a healthy, reachable standby`);
}

/** A standby can answer polls while its database fails a query: promoting it would trade one outage for another. */
export function targetServes(target: GuardNode | undefined): GuardResult {
  const id = "target-serves";
  if (!target) return fail(id, "no target to check", true);
  const failing = target.failingAppChecks;
  if (failing.length)
    return fail(
      id,
      `${target.name} fails its application check${failing.length === 1 ? "" : "s"} ${failing.join(", ")}`,
      true,
    );
  return pass(id, `${target.name} passes its application checks`);
}

/** When the lag figures are those at the primary's loss, the moment they were taken, in words. */
export function lagMoment(state: Pick<GuardState, "lossMoment">): string {
  const lost = state.lossMoment;
  if (!lost) return "";
  return ` at ${new Date(lost.at).toISOString().slice(11, 19)} UTC, when ${lost.primary} was last seen`;
}

export function lagWithinRpo(state: GuardState, target: GuardNode | undefined): GuardResult {
  const id = "lag-within-rpo";
  if (!target) return fail(id, "no target to measure", true);
  const lagBytes = target.lagBytes ?? 0;
  const seconds = target.lagSeconds ?? 0;
  const overBytes = state.rpoBudgetBytes > 0 && lagBytes > state.rpoBudgetBytes;
  const overSeconds = state.rpoBudgetSeconds > 0 && seconds > state.rpoBudgetSeconds;
  const budget = `a budget of ${lag(state.rpoBudgetBytes, state.rpoBudgetSeconds)}`;
  const figures = `${target.name} lags ${lag(lagBytes, seconds)}${lagMoment(state)} against ${budget}`;
  return overBytes || overSeconds ? fail(id, figures, true) : pass(id, figures, true);
}

export function primaryConfirmedDown(primary: GuardNode | undefined): GuardResult {
  const id = "primary-confirmed-down";
  if (!primary) return pass(id, "no node reports primary", true);
  if (primary.isolated)
    return fail(
      id,
      `${primary.name} is isolated: the console cannot reach it but its peers can; it may still take writes`,
      true,
    );
  if (primary.state !== "DOWN")
    return fail(id, `${primary.name} is ${primary.state.toLowerCase()}; use a switchover for a planned change`, true);
  if (!primary.confirmedDown)
    return fail(id, `${primary.name} is down for the console, but its peers have not confirmed it`, true);
  return pass(id, `${primary.name} is down, confirmed by its peers`, true);
}

export function primaryDemotable(primary: GuardNode | undefined): GuardResult {
  const id = "primary-demotable";
  if (!primary) return fail(id, "no node reports primary: nothing to switch over from");
  if (primary.state !== "HEALTHY")
    return fail(
      id,
      `${primary.name} is ${primary.state.toLowerCase()}; a switchover needs a healthy primary (fail over instead)`,
    );
  if (!primary.hasAgent) return fail(id, `${primary.name} has no agent the console can call to demote it`);
  return pass(id, `${primary.name} is healthy and its agent can demote it`);
}

export function noSplitBrain(state: GuardState): GuardResult {
  const id = "no-split-brain";
  return state.splitBrain
    ? fail(id, "two nodes report primary: resolve the split-brain first")
    : pass(id, "one primary at most");
}

export function cooldownPassed(state: GuardState): GuardResult {
  const id = "cooldown";
  if (state.lastFailoverAt === null) return pass(id, "no earlier failover", true);
  if (state.cooldownLiftedAt !== null && state.cooldownLiftedAt > state.lastFailoverAt)
    return pass(id, "cooldown lifted early by an operator", true);
  const left = state.lastFailoverAt + state.cooldownMs - state.now;
  const last = `last failover ${duration(state.now - state.lastFailoverAt)} ago`;
  return left > 0
    ? fail(id, `${last}; cooldown has ${duration(left)} left (anti-flapping)`, true)
    : pass(id, `${last}, past the ${duration(state.cooldownMs)} cooldown`, true);
}

export function fencingAvailable(primary: GuardNode | undefined): GuardResult {
  const id = "fencing-available";
  if (!primary) return pass(id, "no old primary to fence");
  if (primary.fenced) return pass(id, `${primary.name} is already fenced`);
  if (primary.hasAgent) return pass(id, `${primary.name} will be fenced through its agent before the promotion`);
  return fail(id, `${primary.name} is not fenced and has no agent to fence it through`, true);
}

/** The operator saw one primary when planning; if it changed since, the plan no longer holds. */
export function expectedPrimary(primary: GuardNode | undefined, expected: string | undefined): GuardResult {
  const id = "expected-primary";
  if (expected === undefined) return pass(id, `the primary is ${primary?.name ?? "none"}`);
  const actual = primary?.name ?? "none";
  return actual === expected
    ? pass(id, `the primary is still ${actual}`)
    : fail(id, `the primary changed since planning: expected ${expected}, found ${actual}`);
}

/** An async target with lag may lose acknowledged writes: the operator must accept the figure shown. */
export function dataLossAccepted(state: GuardState, target: GuardNode | undefined, accepted: boolean): GuardResult {
  const id = "data-loss-accepted";
  const lagBytes = target?.lagBytes ?? 0;
  if (!target || target.replicationMode === "sync" || lagBytes === 0) return pass(id, "no data loss expected");
  const loss = `up to ${bytes(lagBytes)} (${secondsSaid(target.lagSeconds ?? 0)}) of writes not yet on ${target.name}${lagMoment(state)}`;
  return accepted ? pass(id, `accepted: ${loss} may be lost`) : fail(id, `may lose ${loss}; accept this loss to go on`);
}

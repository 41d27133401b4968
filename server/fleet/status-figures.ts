// Figures read off a node's last status document (stored as JSON): lag, traffic, capacity, checks.
import type { AgentStatus } from "../../agent/protocol.ts";

type Stored = Partial<AgentStatus> | null;

const asStatus = (json: unknown): Stored => (json && typeof json === "object" ? (json as Partial<AgentStatus>) : null);

export function lagOf(json: unknown): {
  bytes: number | null;
  seconds: number | null;
  mode: string | null;
  upstream: string | null;
} {
  const replication = asStatus(json)?.replication;
  return {
    bytes: replication?.lagBytes ?? null,
    seconds: replication?.lagSeconds ?? null,
    mode: replication?.mode ?? null,
    upstream: replication?.upstream ?? null,
  };
}

/** On a primary: each standby as it last saw it (PostgreSQL's pg_stat_replication). */
export function standbysSeenBy(json: unknown): NonNullable<NonNullable<AgentStatus["replication"]>["standbys"]> {
  return asStatus(json)?.replication?.standbys ?? [];
}

export function trafficOf(json: unknown): NonNullable<AgentStatus["traffic"]> | null {
  return asStatus(json)?.traffic ?? null;
}

/** Requests per second the node says it can take; null when its agent does not say. */
export function capacityOf(json: unknown): number | null {
  return asStatus(json)?.capacity?.maxRequestsPerSec ?? null;
}

export function checksOf(json: unknown): NonNullable<AgentStatus["checks"]> {
  return asStatus(json)?.checks ?? [];
}

/** The application-layer checks the node's agent last reported failing: it answers, its service does not. */
export function failedAppChecks(json: unknown): NonNullable<AgentStatus["checks"]> {
  return checksOf(json).filter((check) => check.layer === "application" && !check.ok);
}

/** The node's own word on whether it takes writes (a primary's "writable" check); null when it has none. */
export function writableCheck(json: unknown): boolean | null {
  return checksOf(json).find((check) => check.name === "writable")?.ok ?? null;
}

export function peersOf(json: unknown): NonNullable<AgentStatus["peers"]> {
  return asStatus(json)?.peers ?? [];
}

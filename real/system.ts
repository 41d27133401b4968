// What a real replicated pair gives the rig and the drills, whatever the system: two servers
// behind HAProxy's write backend, each node's agent driver section, a writer that counts the
// writes the system acknowledged, and the faults done from outside (a kill, a stall).
import type { Writer } from "./writer.ts";

export type RealSystem = "postgresql" | "redis" | "mariadb";

export interface RealNode {
  name: string;
  port: number;
}

export interface RealPair {
  system: RealSystem;
  /** Who decides failovers of the cluster the rig makes: Sentinel for a Sentinel-watched Redis pair. */
  managedBy: "console" | "sentinel";
  /** The first node starts as the primary, the second as its replica. */
  nodes: [RealNode, RealNode];
  /** HAProxy in front: clients write to `port`; `backend` is the write backend the agents repoint. */
  haproxy: { port: number; socket: string; backend: string };
  /** Node i's `driver` and that driver's section, as they go into the agent's YAML. */
  agentDriver(i: 0 | 1, peer: RealNode): { driver: string } & Record<string, unknown>;
  /** Numbered writes through HAProxy; a write counts once the system acknowledged it as its mode promises. */
  startWriter(): Writer;
  /** The numbered writes the named node holds now. */
  written(name: string): Promise<Set<number>>;
  /** The named node's server killed outright (SIGKILL or an immediate stop): a lost node. */
  kill(name: string): Promise<void>;
  /** The named node's server processes stopped (SIGSTOP) or continued (SIGCONT). */
  stall(name: string, on: boolean): Promise<void>;
  /** Whether the named node replicates from the other one now. */
  replicating(name: string): Promise<boolean>;
  stop(): Promise<void>;
}

export type StartPair = (opts: { sync: boolean; names?: [string, string] }) => Promise<RealPair>;

// The demo fleet seeded on a fresh embedded console. Cluster and node names are a public contract.
import type { Prisma } from "../db/generated/client.ts";

type NodeSeed = Omit<Prisma.NodeCreateWithoutClusterInput, "agentUrl">;
type ClusterSeed = Omit<Prisma.ClusterCreateInput, "nodes"> & { nodes: NodeSeed[] };

const MiB = 1024n * 1024n;

export const demoFleet: ClusterSeed[] = [
  {
    name: "orders-db",
    mode: "ACTIVE_PASSIVE",
    system: "postgresql",
    description: "Order store: PostgreSQL with streaming replication.",
    rpoBudgetBytes: 16n * MiB,
    rpoBudgetSeconds: 5,
    rtoTargetMs: 30_000,
    availabilityTarget: 99.99,
    nodes: [
      { name: "orders-db-1", region: "eu-west", zone: "eu-west-1a", role: "PRIMARY" },
      {
        name: "orders-db-2",
        region: "eu-west",
        zone: "eu-west-1b",
        role: "STANDBY",
        standbyKind: "HOT",
        replicationMode: "SYNC",
        upstreamName: "orders-db-1",
      },
      {
        name: "orders-db-3",
        region: "us-east",
        zone: "us-east-1a",
        role: "STANDBY",
        standbyKind: "HOT",
        replicationMode: "ASYNC",
        upstreamName: "orders-db-1",
      },
    ],
  },
  {
    name: "checkout-api",
    mode: "ACTIVE_ACTIVE",
    system: "http",
    description: "Checkout API behind a load balancer in three regions.",
    rtoTargetMs: 10_000,
    availabilityTarget: 99.95,
    imbalanceAlertPercent: 20,
    nodes: [
      { name: "checkout-1", region: "eu-west", zone: "eu-west-1a", role: "ACTIVE", weight: 100, trafficState: "READY" },
      { name: "checkout-2", region: "eu-west", zone: "eu-west-1b", role: "ACTIVE", weight: 100, trafficState: "READY" },
      { name: "checkout-3", region: "us-east", zone: "us-east-1a", role: "ACTIVE", weight: 100, trafficState: "READY" },
      {
        name: "checkout-4",
        region: "ap-south",
        zone: "ap-south-1a",
        role: "ACTIVE",
        weight: 100,
        trafficState: "READY",
      },
    ],
  },
  {
    name: "sessions-cache",
    mode: "ACTIVE_PASSIVE",
    system: "redis",
    description: "Session cache: Redis primary with one replica.",
    rpoBudgetBytes: 64n * MiB,
    rpoBudgetSeconds: 30,
    rtoTargetMs: 15_000,
    availabilityTarget: 99.9,
    nodes: [
      { name: "sessions-1", region: "eu-west", zone: "eu-west-1a", role: "PRIMARY" },
      {
        name: "sessions-2",
        region: "eu-west",
        zone: "eu-west-1b",
        role: "STANDBY",
        standbyKind: "HOT",
        replicationMode: "ASYNC",
        upstreamName: "sessions-1",
      },
    ],
  },
];

/** Simulated agents listen on consecutive loopback ports from this one. */
export const DEMO_AGENT_BASE_PORT = 7101;

// The nodes of one simulated cluster hosted by this process: who can reach whom, and how the
// cluster's traffic splits over its active nodes by weight.
import type { SimulatedNode } from "./node.ts";

export class SimulatedCluster {
  readonly nodes = new Map<string, SimulatedNode>();

  constructor(
    readonly name: string,
    readonly requestsPerSec: number,
  ) {}

  add(node: SimulatedNode) {
    this.nodes.set(node.name, node);
  }

  peersOf(node: SimulatedNode): SimulatedNode[] {
    return [...this.nodes.values()].filter((other) => other !== node);
  }

  /** Whether `from` can reach `to` over the (simulated) network between nodes. */
  reachable(from: SimulatedNode, to: SimulatedNode): boolean {
    return !to.has("crash") && !to.has("kill") && !from.partitionedFromPeers() && !to.partitionedFromPeers();
  }

  /** The share of the cluster's traffic `node` receives: by weight among the ready, running nodes. */
  trafficShare(node: SimulatedNode): number {
    const serving = [...this.nodes.values()].filter((n) => n.serving());
    const total = serving.reduce((sum, n) => sum + n.weight, 0);
    return node.serving() && total > 0 ? node.weight / total : 0;
  }

  primaryOtherThan(node: SimulatedNode): string | undefined {
    return [...this.nodes.values()].find((n) => n !== node && n.role === "primary")?.name;
  }
}

/** Every simulated cluster in this process, by name. */
export class SimulatedWorld {
  private readonly clusters = new Map<string, SimulatedCluster>();

  cluster(name: string, requestsPerSec: number): SimulatedCluster {
    let cluster = this.clusters.get(name);
    if (!cluster) {
      cluster = new SimulatedCluster(name, requestsPerSec);
      this.clusters.set(name, cluster);
    }
    return cluster;
  }
}

// Where detection puts what it decides: the control loop's write buffer, or a test's arrays.
import type { EventRow } from "./events.ts";
import type { FleetCluster, NodeRuntime } from "./fleet.ts";
import type { SampleRow } from "./sample.ts";

export interface DetectionSink {
  sample(row: SampleRow): void;
  node(node: NodeRuntime): void;
  cluster(cluster: FleetCluster): void;
  event(event: EventRow): void;
}

// A node as worstProblem reads it, healthy and unremarkable unless a test says otherwise.
import type { ProblemNode } from "./problem.ts";

export const problemNode = (
  name: string,
  role: ProblemNode["role"],
  extra: Partial<ProblemNode> = {},
): ProblemNode => ({
  name,
  role,
  state: "HEALTHY",
  confirmedDown: false,
  isolated: false,
  lagOver: false,
  lagBytes: null,
  lagSeconds: null,
  peers: null,
  degraded: false,
  failingAppChecks: [],
  needsRejoin: false,
  fenced: false,
  trafficState: null,
  ...extra,
});

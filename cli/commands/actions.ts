// `haops plan`, the actions (failover, switchover, drain, …) and `haops action watch ID`.
import { bytes, duration } from "../../lib/format.ts";
import type { Action, ActionAccepted, Plan } from "../answers.ts";
import { ApiError, type Client } from "../client.ts";
import { confirmCluster, reasonOf } from "../confirm.ts";
import { EXIT } from "../exit.ts";
import { guardsTable, refusedByGuards } from "../guards.ts";
import { type Io, show } from "../io.ts";
import { type Pace, watchUntil } from "../watch.ts";

export interface ActionRequest {
  cluster: string;
  type: string;
  target: string;
  params: { weight?: number };
}

const clusterPath = (cluster: string) => `/clusters/${encodeURIComponent(cluster)}`;
const label = (r: ActionRequest) => `${r.type} of ${r.target} on ${r.cluster}`;

function planText(request: ActionRequest, plan: Plan): string {
  const verdict = plan.allowed ? `Allowed: ${label(request)}` : `Refused: ${label(request)}`;
  const steps = plan.steps.map((step, i) => `  ${i + 1}. ${step}`);
  const loss = plan.potentialLossBytes === null ? [] : [`May lose up to ${bytes(plan.potentialLossBytes)}.`];
  return [
    verdict,
    "",
    guardsTable(plan.guards),
    "",
    ...(steps.length ? [`Steps (about ${duration(plan.estimateMs)}):`, ...steps] : ["No steps."]),
    ...loss,
  ].join("\n");
}

export async function plan(client: Client, io: Io, request: ActionRequest) {
  const { cluster, ...body } = request;
  const answer = await client.post<Plan>(`${clusterPath(cluster)}/plans`, body);
  show(io, answer, (p) => planText(request, p));
  return answer.allowed ? EXIT.done : EXIT.refused;
}

export interface RunOptions {
  reason?: string;
  yes: boolean;
  overrides: string[];
  wait: boolean;
  pace: Pace;
}

export async function runAction(client: Client, io: Io, request: ActionRequest, opts: RunOptions) {
  const reason = reasonOf(opts.reason);
  await confirmCluster(io, request.cluster, label(request), opts.yes);
  const { cluster, ...rest } = request;
  const body = { ...rest, reason, confirm: cluster, overrides: opts.overrides };
  let accepted: ActionAccepted;
  try {
    accepted = await client.post<ActionAccepted>(`${clusterPath(cluster)}/actions`, body);
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) return refusedByGuards(io, error.body);
    throw error;
  }
  if (!opts.wait) {
    show(io, accepted, (a) => `Requested ${label(request)}: action ${a.id}, ${a.status}.`);
    return EXIT.done;
  }
  if (!io.json) io.err(`Requested ${label(request)}: action ${accepted.id}.`);
  return watchAction(client, io, accepted.id, opts.pace);
}

function actionText(action: Action): string {
  const took =
    action.startedAt && action.finishedAt
      ? ` in ${duration(Date.parse(action.finishedAt) - Date.parse(action.startedAt))}`
      : "";
  const what = `Action ${action.id} (${action.type} of ${action.target ?? "–"} on ${action.cluster})`;
  return `${what} ${action.status}${took}.${action.outcome ? ` ${action.outcome}` : ""}`;
}

const ENDED = new Set(["SUCCEEDED", "FAILED", "ABORTED"]);

export async function watchAction(client: Client, io: Io, id: string, pace: Pace) {
  let awaiting = false;
  const action = await watchUntil(
    io,
    `Action ${id}`,
    pace,
    () => client.get<Action>(`/actions/${encodeURIComponent(id)}`),
    (a) => {
      if (a.awaitingApproval && !awaiting && !io.json) io.err("  Awaiting a second operator's approval.");
      awaiting = a.awaitingApproval;
      return a;
    },
    (a) => ENDED.has(a.status),
  );
  show(io, action, actionText);
  return action.status === "SUCCEEDED" ? EXIT.done : EXIT.error;
}

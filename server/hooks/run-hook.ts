// Runs one hook step: an http hook is a POST signed like the webhooks (its webhook-id the step's
// idempotency key, so a receiver tells a new leader's repeat from a second call), a command hook
// is run by the named node's agent under the same key (answered, not run again). A required hook
// before anything changed (before_fence, before_drain) that fails fails its step; any other is said
// (hook.failed, critical if required) and the action goes on. Details name the URL's origin only: a
// path often holds a token (Slack's, for one), and details reach every viewer and the audit log.
import { configuredEgress } from "../alerts/egress/configured.ts";
import { postWebhook } from "../alerts/egress/post.ts";
import { signWebhook } from "../alerts/signature.ts";
import type { StepContext, StepResult } from "../actions/steps.ts";
import { NOT_DONE } from "../actions/not-done.ts";
import { STOPPING_PHASES } from "../../lib/hooks.ts";
import { recordEvent } from "../events/record.ts";
import { hookEnvironment, hookEvent, type HookEvent, type HookStep } from "./hook-event.ts";

export type HookAgentCall = (node: string, type: string, params: Record<string, unknown>) => Promise<StepResult>;

async function postHook(
  ctx: StepContext,
  spec: Extract<HookStep, { hookKind: "http" }>,
  key: string,
  event: HookEvent,
) {
  const hook = await ctx.db.clusterHook.findUnique({
    where: { clusterId_name: { clusterId: ctx.clusterId, name: spec.hook } },
    select: { secret: true },
  });
  if (!hook?.secret)
    return { ok: false, detail: `hook ${spec.hook} was removed since the plan: no secret to sign with` };
  const body = JSON.stringify(event);
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    "content-type": "application/json",
    "user-agent": "ha-ops-console-hooks/1",
    "webhook-id": key,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": signWebhook(hook.secret, key, timestamp, body),
  };
  const answer = await postWebhook(spec.url, headers, body, ctx.egress ?? configuredEgress(), spec.timeoutMs);
  const ok = answer.statusCode !== null && answer.statusCode >= 200 && answer.statusCode < 300;
  const said = answer.excerpt ? `: ${answer.excerpt.slice(0, 200)}` : "";
  const at = `POST ${new URL(spec.url).origin}/…`;
  const detail =
    answer.statusCode === null
      ? `${at} failed: ${answer.error ?? "no answer"}`
      : `${at} answered HTTP ${answer.statusCode} in ${answer.latencyMs} ms${ok ? "" : said}`;
  return { ok, detail };
}

export async function runHook(ctx: StepContext, spec: HookStep, key: string, callAgent: HookAgentCall) {
  const event = await hookEvent(ctx, spec);
  const result: StepResult =
    spec.hookKind === "http"
      ? await postHook(ctx, spec, key, event)
      : await callAgent(spec.node, "run-command", {
          argv: spec.argv,
          env: hookEnvironment(event),
          timeoutMs: spec.timeoutMs,
        });
  if (result.ok || (spec.required && STOPPING_PHASES.includes(spec.phase))) return result;
  const kind = spec.required ? "required" : "best-effort";
  const summary =
    `Hook ${spec.hook} (${spec.phase.replace("_", " ")}) of ${event.action.type} on ${event.cluster} did not ` +
    `succeed; ${kind}, the action went on: ${result.detail}`;
  const severity = spec.required ? "CRITICAL" : "WARNING";
  await recordEvent(ctx.db, { type: "hook.failed", severity, summary, clusterId: ctx.clusterId });
  return { ok: true, detail: `${NOT_DONE} (${result.detail})` };
}

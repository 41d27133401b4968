// Plans and actions as the action API answers them (DESIGN.md, "Action API"; server/actions/read.ts).
import { z } from "zod";
import { ACTION_STATUSES, ACTION_TYPES } from "../../../lib/actions.ts";
import { component, isoTime } from "./components.ts";
import { guardSchema } from "./error-schema.ts";

export const planSchema = component(
  "Plan",
  "What an action would do, and whether the guards allow it now; planning changes nothing.",
  z.object({
    guards: z.array(guardSchema),
    steps: z.array(z.string()),
    allowed: z.boolean(),
    estimateMs: z.number(),
    primary: z.string().nullable(),
    potentialLossBytes: z.number().nullable().describe("What a failover to an async standby may lose."),
    lossMoment: z.object({ primary: z.string(), at: isoTime }).nullable(),
  }),
);

export const actionAcceptedSchema = component(
  "ActionAccepted",
  "A requested action: follow it at /api/v1/actions/{id}.",
  z.object({ id: z.string(), status: z.enum(ACTION_STATUSES) }),
);

/** A step of an action, or a phase of a drill. */
export const stepSchema = z.object({
  name: z.string(),
  status: z.enum(["PENDING", "RUNNING", "SUCCEEDED", "FAILED", "SKIPPED"]),
  startedAt: isoTime.nullable(),
  finishedAt: isoTime.nullable(),
  detail: z.string().nullable(),
});

export const actionSchema = component(
  "Action",
  "An action and each of its steps.",
  z.object({
    id: z.string(),
    type: z.enum(ACTION_TYPES),
    cluster: z.string(),
    target: z.string().nullable(),
    status: z.enum(ACTION_STATUSES),
    steps: z.array(stepSchema),
    reason: z.string(),
    outcome: z.string().nullable(),
    automatic: z.boolean(),
    requestedBy: z.string().nullable(),
    awaitingApproval: z.boolean(),
    approvedBy: z.string().nullable(),
    expectedPrimary: z.string().nullable(),
    guards: z.array(guardSchema),
    overrides: z.array(z.string()),
    createdAt: isoTime,
    startedAt: isoTime.nullable(),
    finishedAt: isoTime.nullable(),
  }),
);

export const actionPageSchema = component(
  "ActionPage",
  "A page of actions, newest first; `next` is the `before` of the next page, null on the last.",
  z.object({ actions: z.array(actionSchema), next: z.string().nullable() }),
);

// What may be subscribed to (a webhook's `events`, a cluster's `alertEvents`): '*' for every event, or
// types of the catalog, matched exactly by the outbox trigger. A misspelt type would match nothing,
// silently, so it is refused at save with the type it was probably meant to be.
import { z } from "zod";
import { isEventType, suggestEventType } from "../../lib/events.ts";

export const EVERY_EVENT = "*";

function refusal(unknown: string): string {
  const near = suggestEventType(unknown);
  const hint = near ? `did you mean "${near}"?` : "use '*' or an event type such as node.down";
  return `"${unknown}" is not an event type; ${hint}`;
}

/** Between 1 and 100 of '*' or catalog types; a refusal names the field (zod's path) and the nearest type. */
export const subscribedEvents = z
  .array(z.string().min(1).max(100))
  .min(1)
  .max(100)
  .superRefine((events, ctx) => {
    const unknown = events.find((event) => event !== EVERY_EVENT && !isEventType(event));
    if (unknown !== undefined) ctx.addIssue({ code: "custom", message: refusal(unknown) });
  });

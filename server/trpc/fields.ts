// The input fields procedures share, each defined once on the safe-input rules (bounded, no NUL).
import { z } from "zod";
import { idText, nameText, safeText } from "../security/safe-input.ts";

export const clusterName = nameText;
export const nodeName = nameText;
/** The id of a stored thing: an action, a drill, a user, a token, a webhook, a delivery. */
export const id = idText;
/** Why an operator does it: kept in the audit log. */
export const reason = safeText(1000).trim().min(3, "Give a reason (at least 3 characters)");
/** A page of a list: 50 unless asked, at most 200. */
export const limit = z.number().int().min(1).max(200).default(50);

export const byId = z.object({ id });

const MINUTE = 60_000;
const MAX_SPAN_DAYS = 92;
/** A time as epoch milliseconds, within the years PostgreSQL stores. */
const epochMs = z
  .number()
  .int()
  .min(0)
  .max(Date.UTC(9999, 11, 31));
/** A chart's zoomed span: at least a minute (a few buckets), at most what the rollups keep. */
export const timeSpan = z
  .object({ from: epochMs, to: epochMs })
  .refine((s) => s.to - s.from >= MINUTE, { path: ["to"], message: "must be at least a minute after from" })
  .refine((s) => s.to - s.from <= MAX_SPAN_DAYS * 24 * 60 * MINUTE, {
    path: ["to"],
    message: `must be at most ${MAX_SPAN_DAYS} days after from`,
  });

// What the alerts API and procedures take: which alerts to list, and an acknowledgement's note.
import { z } from "zod";
import { safeText } from "../security/safe-input.ts";

/** Open alerts only (the default), or the resolved ones too. */
export const alertState = z.enum(["open", "all"], "state must be open or all").default("open");

/** Why it is acknowledged, for whoever looks next; blank is no note. */
export const alertNote = safeText(500)
  .trim()
  .transform((note) => note || null)
  .nullish();

export const alertListQuerySchema = z.object({ state: alertState });

export const alertAckSchema = z.object({ note: alertNote });

/** Resolved alerts in one answer: the newest ones, a page's worth. */
export const RESOLVED_LIMIT = 200;

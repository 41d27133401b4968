// zod pieces for what comes from outside (tRPC input, REST bodies, query strings, path segments):
// text PostgreSQL can keep and times it can store, so a hostile value is a 400 naming its field.
import { z } from "zod";
import { safeText } from "../../agent/protocol-limits.ts";

/** The agent protocol's rule for text, for every input: bounded, no NUL, no lone surrogate. */
export { safeText };

/** A cluster's or node's name. */
export const nameText = safeText(200).min(1);

/** Why an operator acts: kept in the audit log. */
export const reasonText = safeText(1000).trim().min(3, "give a reason (at least 3 characters)");

/** The id of a stored thing (cuid, uuid, message id). */
export const idText = safeText(100).min(1);

// JS dates reach the year 275760, but PostgreSQL cannot read a year past 9999 (JS writes it
// +275760-…), and none of the console's records is older than 1970.
const EARLIEST = new Date("1970-01-01T00:00:00.000Z");
const LATEST = new Date("9999-12-31T23:59:59.999Z");
const OUT_OF_RANGE = "must be between 1970-01-01 and 9999-12-31";

/** A Date (tRPC input, through superjson). */
export const inputDate = z.date().min(EARLIEST, OUT_OF_RANGE).max(LATEST, OUT_OF_RANGE);

/** A time in a query string, in any form Date reads (2026-12-24, 2026-12-24T10:00:00Z). */
export const queryDate = z.coerce.date().min(EARLIEST, OUT_OF_RANGE).max(LATEST, OUT_OF_RANGE);

/** An ISO datetime with an offset, kept as written. */
export const isoDateTime = (error: string) =>
  z.iso.datetime({ offset: true, error }).refine((value) => inputDate.safeParse(new Date(value)).success, OUT_OF_RANGE);

// What a v1 document may hold: numbers the console's store keeps and that make sense, and text
// PostgreSQL accepts. One document outside these bounds once failed every batch of the fleet.
import { z } from "zod";

/** PostgreSQL `integer`: connection counts land in `sample.activeConnections`. */
export const INT4_MAX = 2_147_483_647;
/** PostgreSQL's TimeLineID is an unsigned 32-bit integer; kept in the document (jsonb) only. */
export const UINT32_MAX = 4_294_967_295;
/**
 * Lag in bytes lands in a `bigint` (up to 2^63-1), but JS numbers above 2^53 are not exact integers:
 * 2^63-1 becomes 9223372036854775808 and prints as 9223372036854776000, which `bigint` refuses. Up to
 * 2^53-1 every integer is exact in JS, prints as plain digits and fits `bigint`, and reads back
 * exactly with Number(); 8 PiB behind is far past any real standby anyway.
 */
export const MAX_LAG_BYTES = Number.MAX_SAFE_INTEGER;
/** Ten years in seconds: a standby further behind is a broken clock, not a lag. */
export const MAX_LAG_SECONDS = 10 * 365.25 * 86_400;
/** Lag times a primary reports per standby, in ms (jsonb only; bounded for sense). */
export const MAX_LAG_MS = MAX_LAG_SECONDS * 1_000;
/** A check or peer answering after a day has not answered. */
export const MAX_LATENCY_MS = 86_400_000;
/** A billion requests a second on one node is a broken counter. */
export const MAX_REQUESTS_PER_SEC = 1e9;
/**
 * `real` (float4) columns refuse a non-zero value that rounds to zero ("out of range for type real");
 * the smallest normal float4 is a bound JS and PostgreSQL agree on. Its largest (3.4e38) is far above
 * every maximum here.
 */
export const FLOAT4_MIN_NORMAL = 1.1754943508222875e-38;

const outOfRange = (max: number) => `out of range (0 to ${max})`;

/** A non-negative count at most `max`. */
export const count = (max: number) =>
  z.number().min(0, outOfRange(max)).max(max, outOfRange(max)).int("must be a whole number");

/** A non-negative figure stored (or storable) as `real`: zero or within float4's normal range. */
export const real = (max: number) =>
  z
    .number()
    .min(0, outOfRange(max))
    .max(max, outOfRange(max))
    .refine(
      (value) => value === 0 || value >= FLOAT4_MIN_NORMAL,
      `out of range (0, or ${FLOAT4_MIN_NORMAL} to ${max})`,
    );

/** A parameter in [min, max], refused with a phrase that reads on after the parameter's name. */
export const within = (min: number, max: number, whole = false) => {
  const error = `must be ${whole ? "an integer" : "a number"} from ${min} to ${max}`;
  const number = z.number(error).min(min, error).max(max, error);
  return whole ? number.int(error) : number;
};

// NUL: `text` and `jsonb` refuse it. A lone surrogate: not encodable in UTF-8, so `json` refuses it.
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is the character PostgreSQL refuses
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether PostgreSQL can keep this text (in `text`, `json` and `jsonb`). */
export const isSafeText = (text: string) => !UNSAFE_TEXT.test(text);

export const UNSAFE_TEXT_MESSAGE = "contains a NUL character or a lone UTF-16 surrogate";

/** A string of at most `max` characters that PostgreSQL can keep. */
export const safeText = (max: number) => z.string().max(max).refine(isSafeText, UNSAFE_TEXT_MESSAGE);

// Sign-in attempts are limited per account and per address. Each attempt is counted before its
// password is judged, so parallel guesses cannot outrun the count; a successful sign-in gives its
// attempt back, because the limits are on failures and people sign in many times a day. The
// answer is the same whether or not the account exists, so the limit tells an attacker nothing.
import type { Db } from "../db/client.ts";
import { giveBack, hit, type Limit } from "../security/rate-limit.ts";

export const PER_ACCOUNT: Limit = { max: 5, windowMs: 15 * 60_000 };
export const PER_ADDRESS: Limit = { max: 30, windowMs: 15 * 60_000 };

// Longer than any email address; bounds the key whatever a client sends.
const MAX_KEY_EMAIL = 320;

export interface SignInAttempt {
  /** 0 when the password may be judged; otherwise how long until another attempt may be. */
  retryAfterMs: number;
  /** Limits this attempt is the first refusal of in their window: one audit entry per burst. */
  burstsStarted: { limit: "account" | "address"; max: number }[];
  /** The window the refusal holds for, when refused. */
  refusedUntil: Date | null;
  /** Gives the attempt back (it signed in). */
  giveBack(): Promise<void>;
}

/** Counts one attempt; `address` null means the caller's address is not known (no per-address limit). */
export async function countSignInAttempt(
  db: Db,
  email: string,
  address: string | null,
  now = Date.now(),
): Promise<SignInAttempt> {
  const account = email.trim().toLowerCase().slice(0, MAX_KEY_EMAIL);
  const buckets = [{ kind: "account" as const, key: `sign-in:account:${account}`, limit: PER_ACCOUNT }];
  const withAddress = address
    ? [...buckets, { kind: "address" as const, key: `sign-in:address:${address}`, limit: PER_ADDRESS }]
    : buckets;
  const hits = await Promise.all(
    withAddress.map(async ({ kind, key, limit }) => ({ kind, hit: await hit(db, key, limit, now) })),
  );
  const refused = hits.filter(({ hit }) => !hit.allowed);
  const retryAfterMs = Math.max(0, ...refused.map(({ hit }) => hit.retryAfterMs));
  return {
    retryAfterMs,
    burstsStarted: refused
      .filter(({ hit }) => hit.firstRefused)
      .map(({ kind, hit }) => ({ limit: kind, max: hit.limit.max })),
    refusedUntil: refused.length ? new Date(now + retryAfterMs) : null,
    giveBack: async () => {
      await Promise.all(hits.map(({ hit }) => giveBack(db, hit)));
    },
  };
}

export function tooManyAttemptsMessage(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

// Failed sign-ins are limited per account and per address. The message is the same whether or
// not the account exists, so the limit tells an attacker nothing.
import type { Db } from "../db/client.ts";
import { hit, peek, type Limit } from "../security/rate-limit.ts";

export const PER_ACCOUNT: Limit = { max: 5, windowMs: 15 * 60_000 };
export const PER_ADDRESS: Limit = { max: 30, windowMs: 15 * 60_000 };

const keys = (email: string, address: string) => [
  { key: `sign-in:account:${email.trim().toLowerCase()}`, limit: PER_ACCOUNT },
  { key: `sign-in:address:${address}`, limit: PER_ADDRESS },
];

/** Milliseconds until another attempt is allowed, or 0 when one is allowed now. */
export async function signInBlockedFor(db: Db, email: string, address: string, now = Date.now()): Promise<number> {
  const states = await Promise.all(keys(email, address).map(({ key, limit }) => peek(db, key, limit, now)));
  return Math.max(0, ...states.filter((state) => state.limited).map((state) => state.retryAfterMs));
}

export async function recordFailedSignIn(db: Db, email: string, address: string, now = Date.now()): Promise<void> {
  await Promise.all(keys(email, address).map(({ key, limit }) => hit(db, key, limit, now)));
}

export function tooManyAttemptsMessage(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

// Sign-in limits through the real /api/auth handler: counted before the password is judged, keyed by the
// address the web server stamped (never a client-sent X-Forwarded-For), refusals audited once per burst.
import { describe, expect, it } from "vitest";
import { db } from "../db/client.ts";
import { PEER_HEADER, peerStamp } from "../security/peer-address.ts";
import { uniqueName } from "../testing/databases.ts";
import { makeUser, TEST_PASSWORD } from "../testing/users.ts";
import { handleAuthRequest } from "./auth-route.ts";
import { PER_ACCOUNT, PER_ADDRESS } from "./sign-in-limits.ts";

/** A sign-in as the web server hands it over: stamped with the socket's address (`peer`). */
function signIn(email: string, password: string, from: { peer?: string; forwardedFor?: string; stamp?: string }) {
  const headers = new Headers({ "content-type": "application/json", origin: "http://localhost" });
  if (from.peer) headers.set(PEER_HEADER, peerStamp(from.peer));
  if (from.stamp) headers.set(PEER_HEADER, from.stamp);
  if (from.forwardedFor) headers.set("x-forwarded-for", from.forwardedFor);
  const body = JSON.stringify({ email, password });
  return handleAuthRequest(new Request("http://localhost/api/auth/sign-in/email", { method: "POST", headers, body }));
}

const octet = () => Math.floor(Math.random() * 250);
const someAddress = () => `10.${octet()}.${octet()}.${octet()}`;
const auditOf = (actor: string) =>
  db().auditEntry.findMany({ where: { action: "auth.sign-in", actor }, select: { outcome: true, details: true } });
const WRONG = "wrong-password-x";
/** `count` sign-ins at once; their statuses. */
const inParallel = (count: number, attempt: () => Promise<Response>) =>
  Promise.all(Array.from({ length: count }, () => attempt().then((response) => response.status)));
const spray = () => `${uniqueName("spray")}@example.com`;

describe("sign-in limits", () => {
  it("locks an account after repeated failures, even for the right password, and says for how long", async () => {
    const user = await makeUser("viewer");
    expect((await signIn(user.email, TEST_PASSWORD, { peer: "10.0.0.1" })).status).toBe(200);
    for (let i = 0; i < PER_ACCOUNT.max; i++) {
      expect((await signIn(user.email, WRONG, { peer: "10.0.0.1" })).status).toBe(401);
    }
    const locked = await signIn(user.email, TEST_PASSWORD, { peer: "10.0.0.2" });
    expect(locked.status).toBe(429);
    expect(locked.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await locked.json()).message).toMatch(/^Too many failed sign-in attempts\. Try again in \d+ minutes?\.$/);
  });

  it("answers an unknown account exactly like a known one", async () => {
    const unknown = `${uniqueName("nobody")}@example.com`;
    const known = (await makeUser("viewer")).email;
    const statuses = async (email: string) => {
      const seen: number[] = [];
      for (let i = 0; i <= PER_ACCOUNT.max; i++) {
        seen.push((await signIn(email, WRONG, { peer: someAddress() })).status);
      }
      return seen;
    };
    expect(await statuses(unknown)).toEqual(await statuses(known));
    const [a, b] = await Promise.all([signIn(unknown, "x-wrong-password", {}), signIn(known, "x-wrong-password", {})]);
    expect((await a.json()).message).toBe((await b.json()).message);
  });

  it("judges at most the limit of 40 parallel guesses, and audits the rest in one entry", async () => {
    const user = await makeUser("viewer");
    const statuses = await inParallel(40, () => signIn(user.email, WRONG, { peer: someAddress() }));
    expect(statuses.filter((status) => status === 401)).toHaveLength(PER_ACCOUNT.max);
    expect(statuses.filter((status) => status === 429)).toHaveLength(40 - PER_ACCOUNT.max);
    const audit = await auditOf(user.email);
    expect(audit.filter((entry) => entry.outcome === "refused: wrong email or password")).toHaveLength(PER_ACCOUNT.max);
    const bursts = audit.filter((entry) => entry.outcome === "refused: too many attempts");
    expect(bursts).toHaveLength(1);
    expect(bursts[0]?.details).toMatchObject({ over: [{ limit: "account", max: PER_ACCOUNT.max }] });
  });

  it("gives a successful sign-in its attempt back", async () => {
    const user = await makeUser("viewer");
    for (let i = 0; i < PER_ACCOUNT.max * 2; i++) {
      expect((await signIn(user.email, TEST_PASSWORD, { peer: "10.0.3.1" })).status).toBe(200);
    }
    expect((await signIn(user.email, WRONG, { peer: "10.0.3.1" })).status).toBe(401);
  });

  it("limits one address trying many accounts, in parallel too", async () => {
    const peer = someAddress();
    const tries = PER_ADDRESS.max + 10;
    const statuses = await inParallel(tries, () => signIn(spray(), WRONG, { peer }));
    expect(statuses.filter((status) => status === 401)).toHaveLength(PER_ADDRESS.max);
    expect(statuses.filter((status) => status === 429)).toHaveLength(10);
    const bursts = await db().auditEntry.findMany({
      where: { action: "auth.sign-in", details: { path: ["address"], equals: peer } },
    });
    expect(bursts).toHaveLength(1);
    expect(bursts[0]?.details).toMatchObject({ over: [{ limit: "address", max: PER_ADDRESS.max }] });
  });

  it("ignores a client-sent X-Forwarded-For when no proxy is trusted", async () => {
    const peer = someAddress();
    let status = 0;
    for (let i = 0; i <= PER_ADDRESS.max && status !== 429; i++) {
      status = (await signIn(spray(), WRONG, { peer, forwardedFor: someAddress() })).status;
    }
    expect(status).toBe(429);
    const forged = someAddress();
    await signIn(spray(), WRONG, { forwardedFor: forged });
    expect(await db().rateLimitBucket.count({ where: { key: `sign-in:address:${forged}` } })).toBe(0);
  });

  it("ignores a peer header the server did not stamp", async () => {
    const forged = someAddress();
    await signIn(spray(), WRONG, { stamp: `0123456789abcdef ${forged}` });
    expect(await db().rateLimitBucket.count({ where: { key: `sign-in:address:${forged}` } })).toBe(0);
  });
});

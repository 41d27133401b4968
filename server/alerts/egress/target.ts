// Where a webhook URL leads, judged: at save its host if it is an address (a name cannot be judged
// before it is resolved), at send every address its name resolves to then. The send connects to
// the address that passed, so a name that resolves elsewhere a moment later changes nothing.
import { lookup } from "node:dns/promises";
import { parseAddress } from "./address.ts";
import type { WebhookNetworks } from "./networks.ts";
import { judgeAddress } from "./policy.ts";

export interface Resolved {
  address: string;
  family: number;
}

/** Resolves a host name to its addresses; tests replace it. */
export type Resolve = (hostname: string) => Promise<Resolved[]>;

/** What sending needs to know of where it may go. */
export interface Egress {
  networks: WebhookNetworks;
  resolve?: Resolve;
}

export type Target = { url: URL; address: string; family: 4 | 6 } | { refused: string };

const systemResolve: Resolve = (hostname) => lookup(hostname, { all: true, verbatim: true });

// Names that resolve to loopback by definition (RFC 6761), judged as such without asking DNS.
const LOCALHOST = /(^|\.)localhost\.?$/i;

/** Why a URL may not be saved as a webhook target, or null. */
export function refusedAtSave(url: string, networks: WebhookNetworks): string | null {
  // The URL parser has normalised the host: 2130706433, 0x7f.1 and 0177.0.0.1 are 127.0.0.1 here.
  const { hostname } = new URL(url);
  const loopback = { version: 4 as const, value: 0x7f000001n, text: hostname };
  const address = LOCALHOST.test(hostname) ? loopback : parseAddress(hostname);
  if (!address) return null;
  const verdict = judgeAddress(address, networks);
  return verdict.allowed ? null : verdict.reason;
}

/** The address to connect to for this URL, resolved and judged now; DNS failures throw. */
export async function sendTarget(raw: string, egress: Egress): Promise<Target> {
  const url = new URL(raw);
  if (url.protocol !== "http:" && url.protocol !== "https:") return { refused: `${url.protocol} is not http(s)` };
  const literal = parseAddress(url.hostname);
  const candidates = literal
    ? [{ address: literal.text, family: literal.version }]
    : await (egress.resolve ?? systemResolve)(url.hostname);
  let refusal: string | undefined;
  for (const candidate of candidates) {
    const address = parseAddress(candidate.address);
    if (!address) continue; // DNS answers with addresses; anything else cannot be connected to
    const verdict = judgeAddress(address, egress.networks);
    if (verdict.allowed) return { url, address: address.text, family: address.version };
    refusal ??= verdict.reason;
  }
  return { refused: refusal ?? `${url.hostname} has no address` };
}

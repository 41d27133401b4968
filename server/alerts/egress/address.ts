// IP addresses as numbers, for matching against networks. A URL's host is normalised by the WHATWG
// URL parser first — the one the connection uses — so `2130706433`, `0x7f.1` and `0177.0.0.1` are
// 127.0.0.1 by the time they are judged; an IPv6 address carrying an IPv4 one is judged as that.
import { isIPv4, isIPv6 } from "node:net";

export interface Address {
  version: 4 | 6;
  value: bigint;
  /** As written (or as DNS answered), for messages. */
  text: string;
}

// The top 96 bits of the IPv6 forms that carry an IPv4 address in their low 32.
const V4_MAPPED = 0xffffn; // ::ffff:a.b.c.d
const V4_TRANSLATED = 0xffff0000n; // ::ffff:0:a.b.c.d (SIIT)
const NAT64 = 0x0064ff9b0000000000000000n; // 64:ff9b::a.b.c.d
const SIX_TO_FOUR = 0x2002n; // the top 16 bits of 6to4: 2002:aabb:ccdd::/48 carries a.b.c.d

function ipv4Value(text: string): bigint {
  return text.split(".").reduce((value, part) => (value << 8n) | BigInt(Number(part)), 0n);
}

function ipv6Value(text: string): bigint {
  // A dotted tail (::ffff:1.2.3.4) is the last two groups.
  const hex = text.replace(/\d+\.\d+\.\d+\.\d+$/, (dotted) => {
    const value = ipv4Value(dotted);
    return `${(value >> 16n).toString(16)}:${(value & 0xffffn).toString(16)}`;
  });
  const [head = "", tail] = hex.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill("0");
  return [...left, ...zeros, ...right].reduce((value, group) => (value << 16n) | BigInt(parseInt(group, 16)), 0n);
}

/** An IP address written as one (brackets and an IPv6 zone allowed), or null for a name. */
export function parseAddress(written: string): Address | null {
  const text = written.replace(/^\[(.*)\]$/, "$1").replace(/%.*$/, "");
  if (isIPv4(text)) return { version: 4, value: ipv4Value(text), text };
  if (isIPv6(text)) return { version: 6, value: ipv6Value(text), text };
  return null;
}

function ipv4(value: bigint, carrier: string): Address {
  const low = value & 0xffffffffn;
  const dotted = [24n, 16n, 8n, 0n].map((shift) => String((low >> shift) & 0xffn)).join(".");
  return { version: 4, value: low, text: `${carrier} (${dotted})` };
}

/** The IPv4 address an IPv6 one carries (mapped, compatible, translated, NAT64, 6to4), else itself. */
export function unwrapped(address: Address): Address {
  if (address.version === 4) return address;
  const { value, text } = address;
  const high96 = value >> 32n;
  if (high96 === V4_MAPPED || high96 === V4_TRANSLATED || high96 === NAT64) return ipv4(value, text);
  // IPv4-compatible (deprecated): ::a.b.c.d, but not :: and ::1, which are IPv6's own.
  if (high96 === 0n && value > 1n) return ipv4(value, text);
  if (value >> 112n === SIX_TO_FOUR) return ipv4(value >> 80n, text);
  return address;
}

// IP addresses as A and AAAA records: checked with node:net's isIP, turned into RDATA, and read back
// in one canonical text form (RFC 5952 for IPv6) so that answers compare with what was written.
import { isIP } from "node:net";
import { TYPE } from "./codes.ts";

export interface AddressRecord {
  type: typeof TYPE.A | typeof TYPE.AAAA;
  rdata: Buffer;
  /** The address in canonical form. */
  text: string;
}

const ipv4Bytes = (text: string) => text.split(".").map(Number);

function ipv6Bytes(text: string): number[] {
  // A trailing dotted quad (::ffff:192.0.2.1) is the last two groups written in decimal.
  const quad = text.match(/^(.*:)(\d+\.\d+\.\d+\.\d+)$/);
  const hex = quad
    ? (([a, b, c, d]) => `${quad[1]}${((a! << 8) | b!).toString(16)}:${((c! << 8) | d!).toString(16)}`)(
        ipv4Bytes(quad[2]!),
      )
    : text;
  const [left, right] = hex.split("::");
  const groups = (part: string | undefined) => (part ? part.split(":") : []);
  const head = groups(left);
  const tail = groups(right);
  const middle = right === undefined ? [] : Array<string>(8 - head.length - tail.length).fill("0");
  return [...head, ...middle, ...tail].flatMap((group) => {
    const value = Number.parseInt(group, 16);
    return [value >>> 8, value & 0xff];
  });
}

function ipv6Text(bytes: Buffer): string {
  if (bytes.subarray(0, 10).every((b) => b === 0) && bytes.readUInt16BE(10) === 0xffff) {
    return `::ffff:${[...bytes.subarray(12)].join(".")}`;
  }
  const groups = Array.from({ length: 8 }, (_, i) => bytes.readUInt16BE(i * 2));
  // The longest run of two or more zero groups, the first of equals, becomes "::".
  let best = { start: -1, length: 1 };
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === 0) length++;
    if (length > best.length) best = { start, length };
  }
  const hex = (part: number[]) => part.map((group) => group.toString(16)).join(":");
  if (best.start < 0) return hex(groups);
  return `${hex(groups.slice(0, best.start))}::${hex(groups.slice(best.start + best.length))}`;
}

/** The A or AAAA record for `address`, or an Error naming what is wrong with it. */
export function addressRecord(address: string): AddressRecord {
  const text = address.trim();
  if (text.includes("%")) throw new Error(`the address "${address}" has a zone index, which DNS cannot hold`);
  const version = isIP(text);
  if (version === 4) return { type: TYPE.A, rdata: Buffer.from(ipv4Bytes(text)), text: ipv4Bytes(text).join(".") };
  if (version === 6) {
    const rdata = Buffer.from(ipv6Bytes(text));
    return { type: TYPE.AAAA, rdata, text: ipv6Text(rdata) };
  }
  throw new Error(`"${address}" is not an IPv4 or IPv6 address`);
}

/** The address an A or AAAA record's RDATA holds, or null for another type or a wrong length. */
export function addressOf(type: number, rdata: Buffer): string | null {
  if (type === TYPE.A && rdata.length === 4) return [...rdata].join(".");
  if (type === TYPE.AAAA && rdata.length === 16) return ipv6Text(rdata);
  return null;
}

/** The records for a list of addresses, each once; an empty list is refused. */
export function addressRecords(addresses: string[]): AddressRecord[] {
  if (addresses.length === 0) throw new Error("no address given");
  const records = new Map(addresses.map((address) => addressRecord(address)).map((r) => [r.text, r]));
  return [...records.values()];
}

/** The canonical text of an address, as answerAt returns it. */
export const canonicalAddress = (address: string) => addressRecord(address).text;

// TSIG (RFC 8945): a request signed with HMAC over the message and the TSIG variables, and a
// response's MAC checked over the request's MAC, the response as the server sent it without its
// TSIG record (original id, one additional record fewer), and the response's TSIG variables.
import { createHmac, timingSafeEqual } from "node:crypto";
import { ByteReader, ByteWriter } from "./bytes.ts";
import { CLASS, TYPE } from "./codes.ts";
import { ARCOUNT_OFFSET, type Message, type ParsedRecord } from "./message.ts";
import { readName, sameName, writeName } from "./names.ts";

export interface TsigKey {
  name: string;
  algorithm: "hmac-sha256" | "hmac-sha512";
  secret: Buffer;
}

export interface TsigRecord {
  offset: number;
  keyName: string;
  algorithm: string;
  timeSigned: number;
  fudge: number;
  mac: Buffer;
  originalId: number;
  error: number;
  other: Buffer;
}

/** Seconds a signature may be off the receiver's clock; 300 as RFC 8945 recommends. */
const FUDGE = 300;
const HASH = { "hmac-sha256": "sha256", "hmac-sha512": "sha512" } as const;

/** Key and algorithm names go into the MAC lower-cased and uncompressed, whatever the wire held. */
function variables(key: TsigKey, record: Pick<TsigRecord, "timeSigned" | "fudge" | "error" | "other">): Buffer {
  const out = new ByteWriter();
  writeName(out, key.name.toLowerCase());
  out.u16(CLASS.ANY).u32(0);
  writeName(out, key.algorithm);
  out.u48(record.timeSigned).u16(record.fudge).u16(record.error).u16(record.other.length).bytes(record.other);
  return out.toBuffer();
}

const hmac = (key: TsigKey, ...parts: Buffer[]) => {
  const mac = createHmac(HASH[key.algorithm], key.secret);
  for (const part of parts) mac.update(part);
  return mac.digest();
};

const withArcount = (message: Buffer, change: number) => {
  const copy = Buffer.from(message);
  copy.writeUInt16BE(copy.readUInt16BE(ARCOUNT_OFFSET) + change, ARCOUNT_OFFSET);
  return copy;
};

/** `message` with a TSIG record appended, signed at `timeSigned` (seconds since the epoch), and its MAC. */
export function signRequest(message: Buffer, key: TsigKey, timeSigned: number): { signed: Buffer; mac: Buffer } {
  const fields = { timeSigned, fudge: FUDGE, error: 0, other: Buffer.alloc(0) };
  const mac = hmac(key, message, variables(key, fields));
  const rdata = new ByteWriter();
  writeName(rdata, key.algorithm);
  rdata.u48(timeSigned).u16(FUDGE).u16(mac.length).bytes(mac).u16(message.readUInt16BE(0)).u16(0).u16(0);
  const record = new ByteWriter();
  writeName(record, key.name);
  const body = rdata.toBuffer();
  record.u16(TYPE.TSIG).u16(CLASS.ANY).u32(0).u16(body.length).bytes(body);
  return { signed: Buffer.concat([withArcount(message, 1), record.toBuffer()]), mac };
}

/** The response's TSIG record: the last additional record when it is one, else null (unsigned). */
export function readTsig(message: Message<ParsedRecord>): TsigRecord | null {
  const last = message.additional.at(-1);
  if (!last || last.type !== TYPE.TSIG) return null;
  // Names inside TSIG's RDATA are never compressed: read alone, any pointer in them is malformed.
  const input = new ByteReader(last.rdata);
  const algorithm = readName(input);
  const timeSigned = input.u48();
  const fudge = input.u16();
  const mac = Buffer.from(input.bytes(input.u16()));
  const [originalId, error] = [input.u16(), input.u16()];
  const other = Buffer.from(input.bytes(input.u16()));
  return { offset: last.offset, keyName: last.name, algorithm, timeSigned, fudge, mac, originalId, error, other };
}

export interface TsigProblem {
  code: "BADSIG" | "BADTIME";
  reason: string;
}

/** Why a signed response is not the server's answer to our request, or null when its MAC verifies in time. */
export function responseProblem(
  response: Buffer,
  record: TsigRecord,
  key: TsigKey,
  requestMac: Buffer,
  nowSeconds: number,
): TsigProblem | null {
  if (!sameName(record.keyName, key.name) || !sameName(record.algorithm, key.algorithm)) {
    const signer = `"${record.keyName}" (${record.algorithm})`;
    return { code: "BADSIG", reason: `it is signed with the key ${signer}, not "${key.name}" (${key.algorithm})` };
  }
  const unsigned = withArcount(response.subarray(0, record.offset), -1);
  unsigned.writeUInt16BE(record.originalId, 0);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(requestMac.length);
  const expected = hmac(key, length, requestMac, unsigned, variables(key, record));
  if (record.mac.length !== expected.length || !timingSafeEqual(record.mac, expected)) {
    return { code: "BADSIG", reason: "its TSIG MAC does not verify" };
  }
  if (Math.abs(nowSeconds - record.timeSigned) > record.fudge) {
    const off = Math.round(nowSeconds - record.timeSigned);
    return {
      code: "BADTIME",
      reason: `it was signed ${off} s off this host's clock, beyond the ${record.fudge} s allowed`,
    };
  }
  return null;
}

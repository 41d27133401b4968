// The numbers of RFC 1035, 2136 and 8945 this client uses, and the names an operator reads.

export const TYPE = { A: 1, SOA: 6, AAAA: 28, TSIG: 250 } as const;
export const CLASS = { IN: 1, NONE: 254, ANY: 255 } as const;
export const OPCODE = { QUERY: 0, UPDATE: 5 } as const;

export const FLAG = { QR: 0x8000, AA: 0x0400, TC: 0x0200 } as const;
export const opcodeOf = (flags: number) => (flags >>> 11) & 0xf;
export const rcodeOf = (flags: number) => flags & 0xf;
export const opcodeFlags = (opcode: number) => (opcode & 0xf) << 11;

/** Header rcodes (RFC 1035, 2136) and TSIG errors (RFC 8945) by number. */
const RCODE_NAMES: Record<number, string> = {
  0: "NOERROR",
  1: "FORMERR",
  2: "SERVFAIL",
  3: "NXDOMAIN",
  4: "NOTIMP",
  5: "REFUSED",
  6: "YXDOMAIN",
  7: "YXRRSET",
  8: "NXRRSET",
  9: "NOTAUTH",
  10: "NOTZONE",
  16: "BADSIG",
  17: "BADKEY",
  18: "BADTIME",
  22: "BADTRUNC",
};

export const rcodeName = (code: number) => RCODE_NAMES[code] ?? `RCODE${code}`;

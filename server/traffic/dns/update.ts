// The update section's three kinds of change (RFC 2136 section 2.5) and the UPDATE message that
// carries them for one zone, with no prerequisites.
import type { AddressRecord } from "./addresses.ts";
import { CLASS, OPCODE, opcodeFlags, TYPE } from "./codes.ts";
import type { Message, ResourceRecord } from "./message.ts";

const NO_DATA = Buffer.alloc(0);

/** Delete every record of `type` at `name`: class ANY, no data. */
export const deleteRecordSet = (name: string, type: number): ResourceRecord => ({
  name,
  type,
  klass: CLASS.ANY,
  ttl: 0,
  rdata: NO_DATA,
});

/** Delete exactly this record: class NONE with its data. */
export const deleteRecord = (name: string, record: AddressRecord): ResourceRecord => ({
  name,
  type: record.type,
  klass: CLASS.NONE,
  ttl: 0,
  rdata: record.rdata,
});

export const addRecord = (name: string, record: AddressRecord, ttl: number): ResourceRecord => ({
  name,
  type: record.type,
  klass: CLASS.IN,
  ttl,
  rdata: record.rdata,
});

/** The message without an id: each exchange draws its own. */
export const updateMessage = (zone: string, updates: ResourceRecord[]): Omit<Message, "id"> => ({
  flags: opcodeFlags(OPCODE.UPDATE),
  questions: [{ name: zone, type: TYPE.SOA, klass: CLASS.IN }],
  answers: [],
  authority: updates,
  additional: [],
});

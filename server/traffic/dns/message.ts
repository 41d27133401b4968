// DNS messages (RFC 1035 section 4) built with name compression and parsed back. An UPDATE (RFC 2136)
// has the same four sections under other names: zone, prerequisites, updates, additional.
import { ByteReader, ByteWriter, MalformedMessage } from "./bytes.ts";
import { readName, writeName } from "./names.ts";

export interface Question {
  name: string;
  type: number;
  klass: number;
}

export interface ResourceRecord extends Question {
  ttl: number;
  rdata: Buffer;
}

/** A record as parsed: where it starts, so a TSIG check can take the message without it. */
export interface ParsedRecord extends ResourceRecord {
  offset: number;
}

export interface Message<R extends ResourceRecord = ResourceRecord> {
  id: number;
  flags: number;
  questions: Question[];
  answers: R[];
  authority: R[];
  additional: R[];
}

const HEADER_BYTES = 12;
export const ARCOUNT_OFFSET = 10;

export function buildMessage(message: Message): Buffer {
  const out = new ByteWriter();
  const compression = new Map<string, number>();
  const { questions, answers, authority, additional } = message;
  out.u16(message.id).u16(message.flags);
  for (const section of [questions, answers, authority, additional]) out.u16(section.length);
  for (const question of questions) {
    writeName(out, question.name, compression);
    out.u16(question.type).u16(question.klass);
  }
  for (const record of [...answers, ...authority, ...additional]) {
    writeName(out, record.name, compression);
    out.u16(record.type).u16(record.klass).u32(record.ttl).u16(record.rdata.length).bytes(record.rdata);
  }
  return out.toBuffer();
}

function readRecords(input: ByteReader, count: number): ParsedRecord[] {
  const records: ParsedRecord[] = [];
  for (let i = 0; i < count; i++) {
    const offset = input.offset;
    const name = readName(input);
    const type = input.u16();
    const klass = input.u16();
    const ttl = input.u32();
    records.push({ offset, name, type, klass, ttl, rdata: input.bytes(input.u16()) });
  }
  return records;
}

/** The message in `data`, or a MalformedMessage saying where it stops making sense. */
export function parseMessage(data: Buffer): Message<ParsedRecord> {
  if (data.length < HEADER_BYTES) throw new MalformedMessage(`${data.length} bytes are shorter than a DNS header`);
  const input = new ByteReader(data);
  const id = input.u16();
  const flags = input.u16();
  const [qd, an, ns, ar] = [input.u16(), input.u16(), input.u16(), input.u16()];
  const questions: Question[] = [];
  for (let i = 0; i < qd; i++) questions.push({ name: readName(input), type: input.u16(), klass: input.u16() });
  const message = {
    id,
    flags,
    questions,
    answers: readRecords(input, an),
    authority: readRecords(input, ns),
    additional: readRecords(input, ar),
  };
  if (input.offset !== data.length) {
    throw new MalformedMessage(`${data.length - input.offset} bytes follow the last record`);
  }
  return message;
}

// A non-recursive query for one type at one name, and the addresses an answer holds for that name.
import { addressOf } from "./addresses.ts";
import { CLASS, OPCODE, opcodeFlags } from "./codes.ts";
import type { Message } from "./message.ts";
import { sameName } from "./names.ts";

/** RD off: the server answers from its own zone data, not from what a resolver would find. */
export const queryMessage = (name: string, type: number): Omit<Message, "id"> => ({
  flags: opcodeFlags(OPCODE.QUERY),
  questions: [{ name, type, klass: CLASS.IN }],
  answers: [],
  authority: [],
  additional: [],
});

/** The A and AAAA addresses the answer section gives for `name` itself. */
export function addressesIn(message: Message, name: string): string[] {
  return message.answers.flatMap((record) => {
    if (record.klass !== CLASS.IN || !sameName(record.name, name)) return [];
    const address = addressOf(record.type, record.rdata);
    return address === null ? [] : [address];
  });
}

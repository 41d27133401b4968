// A TSIG-signed request and the server's answer to it, accepted only when its id matches, it
// parses, and its MAC verifies; an error rcode becomes a DnsError that says what the server refused.
import { randomInt } from "node:crypto";
import { MalformedMessage } from "./bytes.ts";
import { FLAG, opcodeOf, rcodeName, rcodeOf } from "./codes.ts";
import { refusedError, rejectedError } from "./errors.ts";
import { buildMessage, type Message, type ParsedRecord, parseMessage } from "./message.ts";
import type { CheckedServer } from "./target.ts";
import { exchangeBytes } from "./transport.ts";
import { readTsig, responseProblem, signRequest, type TsigRecord } from "./tsig.ts";

export interface SignedRequest {
  /** The message without its id, which is drawn here. */
  message: Omit<Message, "id">;
  /** What the request does, as error messages name it: "the update of db.example.test". */
  what: string;
  /** Rcodes that are answers rather than failures; NOERROR unless said. */
  accept?: string[];
}

export const newId = () => randomInt(0, 0x10000);

function parsedAnswer(server: CheckedServer, what: string, answer: Buffer, request: Message) {
  const id = answer.length >= 2 ? answer.readUInt16BE(0) : null;
  if (id !== request.id) throw rejectedError(server, what, "BADID", `its id ${id} is not the request's ${request.id}`);
  try {
    const parsed = parseMessage(answer);
    if (!(parsed.flags & FLAG.QR) || opcodeOf(parsed.flags) !== opcodeOf(request.flags)) {
      throw new MalformedMessage("it is not a response of the request's kind");
    }
    return { parsed, tsig: readTsig(parsed) };
  } catch (error) {
    if (error instanceof MalformedMessage) throw rejectedError(server, what, "MALFORMED", error.message);
    throw error;
  }
}

/** The rcode that counts: the TSIG error when the server set one (the header then says only NOTAUTH). */
const outcomeOf = (parsed: Message<ParsedRecord>, tsig: TsigRecord | null) =>
  rcodeName(tsig?.error ? tsig.error : rcodeOf(parsed.flags));

/**
 * Sends the request signed with the server's key and returns the verified answer. A failure rcode is
 * thrown whether or not it is signed: a forged one can only fail the call, never fake a success.
 */
export async function signedExchange(
  server: CheckedServer,
  request: SignedRequest,
  now: () => number = Date.now,
): Promise<Message<ParsedRecord>> {
  const message = { id: newId(), ...request.message };
  const { signed, mac } = signRequest(buildMessage(message), server.key, Math.floor(now() / 1000));
  const answer = await exchangeBytes(server, signed, server.timeoutMs, request.what);
  const { parsed, tsig } = parsedAnswer(server, request.what, answer, message);
  const outcome = outcomeOf(parsed, tsig);
  if (!(request.accept ?? ["NOERROR"]).includes(outcome)) {
    const signedWith = tsig?.error ? ` signed with the key "${server.key.name}"` : "";
    throw refusedError(server, `${request.what}${signedWith}`, outcome);
  }
  if (!tsig) throw rejectedError(server, request.what, "UNSIGNED", "it carries no TSIG record");
  const problem = responseProblem(answer, tsig, server.key, mac, now() / 1000);
  if (problem) throw rejectedError(server, request.what, problem.code, problem.reason);
  return parsed;
}

// DnsError: what failed, at which server, with the rcode and what it means to an operator.
import { isIP } from "node:net";

/** Codes the client gives itself when no usable answer came, beside the server's rcodes and TSIG errors. */
export type LocalCode = "TIMEOUT" | "UNREACHABLE" | "BADID" | "MALFORMED" | "UNSIGNED" | "BADSIG" | "BADTIME";

const MEANINGS: Record<string, string> = {
  FORMERR: "the server could not parse the request",
  SERVFAIL: "the server failed to carry it out; its log says why",
  NXDOMAIN: "the name does not exist",
  NOTIMP: "the server does not implement this kind of request",
  REFUSED: "the server's policy refuses it: no ACL allows it, or the zone is not served there",
  YXDOMAIN: "a prerequisite failed: the name exists",
  YXRRSET: "a prerequisite failed: the record set exists",
  NXRRSET: "a prerequisite failed: the record set does not exist",
  NOTAUTH: "the server is not authoritative for the zone, or the TSIG key is not allowed",
  NOTZONE: "the name is not inside the zone",
  BADSIG: "the TSIG signature does not verify: the key's secret differs from the server's",
  BADKEY: "the server does not know the TSIG key, or its ACL does not allow it for this zone",
  BADTIME: "this host's clock and the server's differ by more than the signature allows",
};

export class DnsError extends Error {
  constructor(
    readonly rcode: string,
    message: string,
  ) {
    super(message);
    this.name = "DnsError";
  }
}

export interface Endpoint {
  host: string;
  port: number;
}

export const endpointText = ({ host, port }: Endpoint) => `dns ${isIP(host) === 6 ? `[${host}]` : host}:${port}`;

/** The server answered `what` with an error rcode (or TSIG error). */
export function refusedError(server: Endpoint, what: string, rcode: string): DnsError {
  const meaning = MEANINGS[rcode];
  return new DnsError(rcode, `${endpointText(server)} refused ${what}: ${rcode}${meaning ? ` (${meaning})` : ""}`);
}

/** An answer came that is not the server's answer to this request. */
export function rejectedError(server: Endpoint, what: string, code: LocalCode, reason: string): DnsError {
  return new DnsError(code, `${endpointText(server)} sent an answer to ${what} that was rejected: ${code} (${reason})`);
}

export function timeoutError(server: Endpoint, what: string, timeoutMs: number): DnsError {
  return new DnsError("TIMEOUT", `${endpointText(server)} did not answer ${what} within ${timeoutMs} ms: TIMEOUT`);
}

export function unreachableError(server: Endpoint, what: string, reason: string): DnsError {
  return new DnsError(
    "UNREACHABLE",
    `${endpointText(server)} could not be reached for ${what}: UNREACHABLE (${reason})`,
  );
}

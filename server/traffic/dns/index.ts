// DNS as a traffic target: a name's A and AAAA records changed by RFC 2136 dynamic update signed
// with TSIG (RFC 8945), and read back from the authoritative server itself.
import "server-only";
import { type AddressRecord, addressRecords } from "./addresses.ts";
import { FLAG, TYPE } from "./codes.ts";
import { refusedError } from "./errors.ts";
import { signedExchange } from "./exchange.ts";
import type { ResourceRecord } from "./message.ts";
import { nameInZone } from "./names.ts";
import { addressesIn, queryMessage } from "./query.ts";
import { checkServer, checkTtl, type DnsServer } from "./target.ts";
import { addRecord, deleteRecord, deleteRecordSet, updateMessage } from "./update.ts";

export { canonicalAddress } from "./addresses.ts";
export { DnsError } from "./errors.ts";
export type { DnsKey, DnsServer } from "./target.ts";

/** Everything checked first; then one UPDATE of the name with the changes `changes` makes of its records. */
async function updateName(
  server: DnsServer,
  name: string,
  addresses: string[],
  changes: (owner: string, records: AddressRecord[]) => ResourceRecord[],
): Promise<void> {
  const checked = checkServer(server);
  const owner = nameInZone(name, checked.zone);
  const message = updateMessage(checked.zone, changes(owner, addressRecords(addresses)));
  await signedExchange(checked, { message, what: `the update of ${owner}` });
}

/** One UPDATE: the name's A and AAAA record sets deleted, the given addresses added with `ttl`. */
export async function replaceAddresses(server: DnsServer, name: string, addresses: string[], ttl: number) {
  checkTtl(ttl);
  await updateName(server, name, addresses, (owner, records) => [
    deleteRecordSet(owner, TYPE.A),
    deleteRecordSet(owner, TYPE.AAAA),
    ...records.map((record) => addRecord(owner, record, ttl)),
  ]);
}

/** The addresses added beside those the name has (an active-active node undrained). */
export async function addAddresses(server: DnsServer, name: string, addresses: string[], ttl: number) {
  checkTtl(ttl);
  await updateName(server, name, addresses, (owner, records) => records.map((r) => addRecord(owner, r, ttl)));
}

/** Exactly these address records deleted, the name's others kept (an active-active node drained). */
export async function removeAddresses(server: DnsServer, name: string, addresses: string[]) {
  await updateName(server, name, addresses, (owner, records) => records.map((r) => deleteRecord(owner, r)));
}

/** The A and AAAA addresses the server itself answers for the name now (no recursion), sorted. */
export async function answerAt(server: DnsServer, name: string): Promise<string[]> {
  const checked = checkServer(server);
  const owner = nameInZone(name, checked.zone);
  const ask = async (type: typeof TYPE.A | typeof TYPE.AAAA) => {
    const what = `the query for the ${type === TYPE.A ? "A" : "AAAA"} records of ${owner}`;
    const message = queryMessage(owner, type);
    const answer = await signedExchange(checked, { message, what, accept: ["NOERROR", "NXDOMAIN"] });
    if (!(answer.flags & FLAG.AA)) throw refusedError(checked, what, "NOTAUTH");
    return addressesIn(answer, owner);
  };
  const [v4, v6] = await Promise.all([ask(TYPE.A), ask(TYPE.AAAA)]);
  return [...v4, ...v6].sort();
}

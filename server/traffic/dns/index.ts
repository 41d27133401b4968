// DNS as a traffic target: a name's A and AAAA records changed by RFC 2136 dynamic update signed
// with TSIG (RFC 8945), and read back from the authoritative server itself.
import "server-only";
import { addressRecords } from "./addresses.ts";
import { FLAG, TYPE } from "./codes.ts";
import { refusedError } from "./errors.ts";
import { signedExchange } from "./exchange.ts";
import type { ResourceRecord } from "./message.ts";
import { nameInZone } from "./names.ts";
import { addressesIn, queryMessage } from "./query.ts";
import { type CheckedServer, checkServer, checkTtl, type DnsServer } from "./target.ts";
import { addRecord, deleteRecord, deleteRecordSet, updateMessage } from "./update.ts";

export { canonicalAddress } from "./addresses.ts";
export { DnsError } from "./errors.ts";
export type { DnsKey, DnsServer } from "./target.ts";

async function update(server: CheckedServer, owner: string, updates: ResourceRecord[]): Promise<void> {
  await signedExchange(server, { message: updateMessage(server.zone, updates), what: `the update of ${owner}` });
}

/** One UPDATE: the name's A and AAAA record sets deleted, the given addresses added with `ttl`. */
export async function replaceAddresses(server: DnsServer, name: string, addresses: string[], ttl: number) {
  const checked = checkServer(server);
  const owner = nameInZone(name, checked.zone);
  const records = addressRecords(addresses);
  checkTtl(ttl);
  await update(checked, owner, [
    deleteRecordSet(owner, TYPE.A),
    deleteRecordSet(owner, TYPE.AAAA),
    ...records.map((record) => addRecord(owner, record, ttl)),
  ]);
}

/** The addresses added beside those the name has (an active-active node undrained). */
export async function addAddresses(server: DnsServer, name: string, addresses: string[], ttl: number) {
  const checked = checkServer(server);
  const owner = nameInZone(name, checked.zone);
  const records = addressRecords(addresses);
  checkTtl(ttl);
  await update(
    checked,
    owner,
    records.map((record) => addRecord(owner, record, ttl)),
  );
}

/** Exactly these address records deleted, the name's others kept (an active-active node drained). */
export async function removeAddresses(server: DnsServer, name: string, addresses: string[]) {
  const checked = checkServer(server);
  const owner = nameInZone(name, checked.zone);
  const records = addressRecords(addresses);
  await update(
    checked,
    owner,
    records.map((record) => deleteRecord(owner, record)),
  );
}

/** The A and AAAA addresses the server itself answers for the name now (no recursion), sorted. */
export async function answerAt(server: DnsServer, name: string): Promise<string[]> {
  const checked = checkServer(server);
  const owner = nameInZone(name, checked.zone);
  const addresses: string[] = [];
  for (const type of [TYPE.A, TYPE.AAAA]) {
    const what = `the query for the ${type === TYPE.A ? "A" : "AAAA"} records of ${owner}`;
    const message = queryMessage(owner, type);
    const answer = await signedExchange(checked, { message, what, accept: ["NOERROR", "NXDOMAIN"] });
    if (!(answer.flags & FLAG.AA)) throw refusedError(checked, what, "NOTAUTH");
    addresses.push(...addressesIn(answer, owner));
  }
  return addresses.sort();
}

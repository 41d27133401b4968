import { expect, it } from "vitest";
import { addressRecord } from "./addresses.ts";
import { CLASS, TYPE } from "./codes.ts";
import { capturedId, capturedRequest } from "./knot-exchange.fixture.ts";
import { buildMessage, parseMessage } from "./message.ts";
import { addRecord, deleteRecord, deleteRecordSet, updateMessage } from "./update.ts";

const unsignedPart = () => {
  const tsigStart = parseMessage(capturedRequest).additional[0]!.offset;
  const bytes = Buffer.from(capturedRequest.subarray(0, tsigStart));
  bytes.writeUInt16BE(0, 10);
  return bytes;
};

const replaceDb = () =>
  updateMessage("example.test", [
    deleteRecordSet("db.example.test", TYPE.A),
    deleteRecordSet("db.example.test", TYPE.AAAA),
    addRecord("db.example.test", addressRecord("192.0.2.10"), 30),
    addRecord("db.example.test", addressRecord("2001:db8::10"), 30),
  ]);

it("encodes a replace UPDATE byte for byte as knsupdate does, names compressed", () => {
  expect(buildMessage({ id: capturedId, ...replaceDb() }).toString("hex")).toBe(unsignedPart().toString("hex"));
});

it("parses the UPDATE back: zone, the two record-set deletions and the two additions", () => {
  const parsed = parseMessage(buildMessage({ id: 7, ...replaceDb() }));
  expect(parsed.questions).toEqual([{ name: "example.test", type: TYPE.SOA, klass: CLASS.IN }]);
  expect(parsed.authority.map(({ name, type, klass, ttl }) => [name, type, klass, ttl])).toEqual([
    ["db.example.test", TYPE.A, CLASS.ANY, 0],
    ["db.example.test", TYPE.AAAA, CLASS.ANY, 0],
    ["db.example.test", TYPE.A, CLASS.IN, 30],
    ["db.example.test", TYPE.AAAA, CLASS.IN, 30],
  ]);
});

it("deletes one record with class NONE and its data", () => {
  const record = deleteRecord("db.example.test", addressRecord("192.0.2.10"));
  expect(record).toEqual({
    name: "db.example.test",
    type: TYPE.A,
    klass: CLASS.NONE,
    ttl: 0,
    rdata: Buffer.from([192, 0, 2, 10]),
  });
});

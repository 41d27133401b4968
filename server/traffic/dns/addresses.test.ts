import { expect, it } from "vitest";
import { addressOf, addressRecord, addressRecords, canonicalAddress } from "./addresses.ts";
import { TYPE } from "./codes.ts";

it("turns IPv4 into A and IPv6 into AAAA records", () => {
  expect(addressRecord("192.0.2.10")).toEqual({
    type: TYPE.A,
    rdata: Buffer.from([192, 0, 2, 10]),
    text: "192.0.2.10",
  });
  const aaaa = addressRecord("2001:db8::10");
  expect(aaaa.type).toBe(TYPE.AAAA);
  expect(aaaa.rdata.toString("hex")).toBe("20010db8000000000000000000000010");
});

it("writes IPv6 in RFC 5952 form: lower case, the longest zero run as ::, mapped IPv4 dotted", () => {
  expect(canonicalAddress("2001:0DB8:0000:0000:0000:0000:0000:0001")).toBe("2001:db8::1");
  expect(canonicalAddress("2001:db8:0:0:1:0:0:1")).toBe("2001:db8::1:0:0:1");
  expect(canonicalAddress("2001:db8:0:1:0:0:0:1")).toBe("2001:db8:0:1::1");
  expect(canonicalAddress("::")).toBe("::");
  expect(canonicalAddress("1::")).toBe("1::");
  expect(canonicalAddress("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2:3:4:5:6");
  expect(canonicalAddress("::ffff:c000:20a")).toBe("::ffff:192.0.2.10");
  expect(canonicalAddress("64:ff9b::192.0.2.10")).toBe("64:ff9b::c000:20a");
});

it("reads addresses back from RDATA, and nothing from another type or length", () => {
  expect(addressOf(TYPE.A, Buffer.from([10, 0, 0, 1]))).toBe("10.0.0.1");
  expect(addressOf(TYPE.AAAA, addressRecord("fe80::1").rdata)).toBe("fe80::1");
  expect(addressOf(TYPE.A, Buffer.from([10, 0, 0]))).toBeNull();
  expect(addressOf(TYPE.SOA, Buffer.from([10, 0, 0, 1]))).toBeNull();
});

it("refuses what is not an address, zone indexes and an empty list; repeats count once", () => {
  expect(() => addressRecord("db.example.test")).toThrow('"db.example.test" is not an IPv4 or IPv6 address');
  expect(() => addressRecord("192.0.2")).toThrow(/not an IPv4 or IPv6/);
  expect(() => addressRecord("fe80::1%eth0")).toThrow(/zone index/);
  expect(() => addressRecords([])).toThrow("no address given");
  expect(addressRecords(["2001:db8::1", "2001:DB8:0::1", "192.0.2.1"]).map((r) => r.text)).toEqual([
    "2001:db8::1",
    "192.0.2.1",
  ]);
});

import { expect, it } from "vitest";
import { ByteReader, ByteWriter, MalformedMessage } from "./bytes.ts";
import { capturedRequest } from "./knot-exchange.fixture.ts";
import { nameInZone, readName, writeName } from "./names.ts";

it("makes names absolute against the zone: relative, @, fully qualified with or without the dot", () => {
  expect(nameInZone("db", "example.test")).toBe("db.example.test");
  expect(nameInZone("db.eu", "example.test.")).toBe("db.eu.example.test");
  expect(nameInZone("@", "example.test")).toBe("example.test");
  expect(nameInZone("DB.Example.Test", "example.test")).toBe("DB.Example.Test");
  expect(nameInZone("db.example.test.", "example.test")).toBe("db.example.test");
});

it("refuses names outside the zone, empty labels, long labels and long names, saying which", () => {
  expect(() => nameInZone("db.other.test.", "example.test")).toThrow(/"db.other.test" is not inside the zone/);
  expect(() => nameInZone("db..x", "example.test")).toThrow(/empty label/);
  expect(() => nameInZone("", "example.test")).toThrow(/empty/);
  expect(() => nameInZone(`${"a".repeat(64)}`, "example.test")).toThrow(/label of 64 characters; at most 63/);
  const long = Array(62).fill("abc").join(".");
  expect(() => nameInZone(long, "example.test")).toThrow(/takes 262 octets; at most 255/);
  expect(() => nameInZone("db x", "example.test")).toThrow(/space/);
  expect(() => nameInZone("db", "")).toThrow(/zone is empty/);
});

it("decodes names through compression pointers, the reader ending after the pointer", () => {
  const input = new ByteReader(capturedRequest, 30);
  expect(readName(input)).toBe("db.example.test");
  expect(input.offset).toBe(35);
  input.offset = 45;
  expect(readName(input)).toBe("db.example.test");
  expect(input.offset).toBe(47);
});

it("compresses a suffix written before into a pointer to it", () => {
  const out = new ByteWriter();
  const compression = new Map<string, number>();
  writeName(out, "example.test", compression);
  writeName(out, "db.Example.test", compression);
  writeName(out, "db.example.test", compression);
  expect(out.toBuffer().toString("hex")).toBe("076578616d706c6504746573740002646" + "2c000c00e");
});

it("refuses pointers that loop or point forward, reserved label lengths, and names cut short", () => {
  const malformed =
    (hex: string, at = 0) =>
    () =>
      readName(new ByteReader(Buffer.from(hex, "hex"), at));
  expect(malformed("c000")).toThrow(MalformedMessage);
  expect(malformed("0161c002")).toThrow(/does not point backwards/);
  expect(malformed("0161c000", 2)).toThrow(/does not point backwards/);
  expect(malformed("4061")).toThrow(/reserved length/);
  expect(malformed("0361")).toThrow(/ends at byte 2/);
});

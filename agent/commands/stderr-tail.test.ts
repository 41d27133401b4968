// A program's last words, bounded and readable.
import { expect, it } from "vitest";
import { StderrTail } from "./stderr-tail.ts";

it("keeps the last 500 bytes, across chunks", () => {
  const tail = new StderrTail();
  tail.push(Buffer.from(`${"a".repeat(400)}\n`));
  tail.push(Buffer.from(`${"b".repeat(400)}\nfatal: the last words\n`));
  const text = tail.text();
  expect(Buffer.byteLength(text)).toBeLessThanOrEqual(500);
  expect(text.endsWith("b\nfatal: the last words")).toBe(true);
});

it("drops control characters and a multi-byte character cut at the start, keeping lines and tabs", () => {
  const tail = new StderrTail();
  tail.push(Buffer.from("é".repeat(300)));
  tail.push(Buffer.from("\u001b[31mred\u001b[0m\tcol\r\nnext\u0007\u0000"));
  const text = tail.text();
  expect(text.endsWith("[31mred[0m\tcol\nnext")).toBe(true);
  expect(text).not.toMatch(/\ufffd/);
  expect(text.startsWith("é")).toBe(true);
});

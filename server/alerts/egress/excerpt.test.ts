import { describe, expect, it } from "vitest";
import { cleanText, EXCERPT_CHARS, responseExcerpt } from "./excerpt.ts";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (text: string) => !LONE_SURROGATE.test(text);

describe("response excerpt", () => {
  it("keeps text as it came, tabs and newlines included", () => {
    const text = "upstream failed:\n\tdisk full ✓ 🚒";
    expect(responseExcerpt(Buffer.from(text))).toBe(text);
  });

  it("replaces NUL and other control characters, invalid UTF-8 and encoded surrogates", () => {
    // NUL, ESC; two bytes that are never UTF-8, a surrogate encoded (CESU-8), a sequence cut short.
    const invalid = Buffer.from([0xff, 0xfe, 0xed, 0xa0, 0x80, 0xc3]);
    const bytes = Buffer.concat([Buffer.from("a\u0000b\u001b[31m"), invalid, Buffer.from("z")]);
    const excerpt = responseExcerpt(bytes);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for the characters the excerpt removes
    expect(excerpt).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(excerpt.startsWith("a\uFFFDb\uFFFD[31m")).toBe(true);
    expect(excerpt.endsWith("\uFFFDz")).toBe(true);
    expect(wellFormed(excerpt)).toBe(true);
    expect(Buffer.from(excerpt, "utf8").toString("utf8")).toBe(excerpt);
  });

  it("cleans text given as a string, lone surrogates included", () => {
    expect(cleanText("a\uD800b\uDC00c\u0000d\uD83D\uDE92")).toBe("a\uFFFDb\uFFFDc\uFFFDd\uD83D\uDE92");
  });

  it("cuts at whole characters, at most the excerpt's length", () => {
    expect(Array.from(responseExcerpt(Buffer.from("🚒".repeat(600))))).toHaveLength(EXCERPT_CHARS);
    expect(wellFormed(responseExcerpt(Buffer.from("🚒".repeat(600)), 3))).toBe(true);
    expect(responseExcerpt(Buffer.from("x".repeat(10_000))).length).toBe(EXCERPT_CHARS);
  });
});

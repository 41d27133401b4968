import { describe, expect, it } from "vitest";
import { encodeCommand, parseReply, ReplyError } from "./resp.ts";

const parse = (text: string) => parseReply(Buffer.from(text));

describe("RESP2", () => {
  it("encodes a command as an array of bulk strings, lengths in bytes", () => {
    expect(encodeCommand(["SET", "k", "é"]).toString()).toBe("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$2\r\né\r\n");
  });

  it("decodes each kind of reply and says where the next one begins", () => {
    expect(parse("+OK\r\n")).toEqual({ value: "OK", next: 5 });
    expect(parse(":42\r\n")).toEqual({ value: 42, next: 5 });
    expect(parse("$5\r\nhello\r\n")).toEqual({ value: "hello", next: 11 });
    expect(parse("$-1\r\n")).toEqual({ value: null, next: 5 });
    expect(parse("*2\r\n$6\r\nmaster\r\n:100\r\n+next")).toEqual({ value: ["master", 100], next: 22 });
    expect(parse("*1\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n")?.value).toEqual([["a", "b"]]);
  });

  it("gives an error reply as a ReplyError with the server's words", () => {
    const reply = parse("-READONLY You can't write against a read only replica.\r\n");
    expect(reply?.value).toEqual(new ReplyError("READONLY You can't write against a read only replica."));
    expect(reply?.value).toBeInstanceOf(ReplyError);
  });

  it("waits for more bytes when a reply is cut short", () => {
    expect(parse("$5\r\nhel")).toBeNull();
    expect(parse("*2\r\n:1\r\n")).toBeNull();
    expect(parse("+O")).toBeNull();
  });

  it("refuses bytes that are no reply at all", () => {
    expect(() => parse("HTTP/1.1 400\r\n")).toThrow(/not a RESP reply/);
  });
});

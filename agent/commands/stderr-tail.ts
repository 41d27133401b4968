// The last bytes a program wrote to stderr, as text an operator can read in an action's detail:
// a program's last words say why it failed, and a chatty one must not grow the agent's memory.
const KEEP_BYTES = 500;

// Control characters (but newline and tab), and the replacement character that a multi-byte sequence
// cut at the start, or bytes that are not UTF-8, decode to.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what is removed
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffd]/g;

export class StderrTail {
  private kept = Buffer.alloc(0);

  push(chunk: Buffer) {
    const joined = Buffer.concat([this.kept, chunk]);
    this.kept = joined.subarray(Math.max(0, joined.length - KEEP_BYTES));
  }

  text(): string {
    return this.kept.toString("utf8").replace(UNPRINTABLE, "").trim();
  }
}

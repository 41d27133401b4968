// What is kept of a receiver's answer: a short excerpt that any text column takes, whatever bytes
// came — invalid UTF-8 and encoded surrogates decode to U+FFFD, control characters (NUL among
// them, which PostgreSQL refuses in text) and lone surrogates become U+FFFD too, and it is cut at
// whole characters.
export const EXCERPT_CHARS = 500;

/** Enough bytes for EXCERPT_CHARS characters of any width: the rest of a body is never read. */
export const EXCERPT_BYTES = EXCERPT_CHARS * 4;

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Any text (an error message may quote the receiver too), fit to store and to show. */
export function cleanText(text: string, chars = EXCERPT_CHARS): string {
  return Array.from(text.replace(CONTROL, "\uFFFD").replace(LONE_SURROGATE, "\uFFFD")).slice(0, chars).join("");
}

export function responseExcerpt(bytes: Uint8Array, chars = EXCERPT_CHARS): string {
  return cleanText(new TextDecoder("utf-8", { fatal: false, ignoreBOM: true }).decode(bytes), chars);
}

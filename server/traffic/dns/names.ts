// Domain names: checked and made absolute against a zone, written as labels with RFC 1035
// compression (a suffix written before becomes a 2-byte pointer), read back following pointers.
import { type ByteReader, type ByteWriter, MalformedMessage } from "./bytes.ts";

const MAX_LABEL = 63;
const MAX_NAME = 255;
const POINTER = 0xc0;
const MAX_POINTER_TARGET = 0x3fff;
// A label is taken as written; what would make it ambiguous once printed is refused.
const LABEL = /^[\x21-\x7e]+$/;
const PRINTED_ESCAPED = /[.\\]/g;

/** Case-insensitive, as DNS compares names; no trailing dot. */
export const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Octets the name takes on the wire: a length byte per label, its text, and the root's 0. */
const wireLength = (labels: string[]) => labels.reduce((sum, label) => sum + 1 + label.length, 1);

/** The labels of a name written without a trailing dot, or an Error that names what is wrong. */
export function checkName(name: string, what = "name"): string[] {
  if (name === "") throw new Error(`the ${what} is empty`);
  const labels = name.split(".");
  for (const label of labels) {
    if (label === "") throw new Error(`the ${what} "${name}" has an empty label`);
    if (label.length > MAX_LABEL) {
      throw new Error(`the ${what} "${name}" has a label of ${label.length} characters; at most ${MAX_LABEL}`);
    }
    if (!LABEL.test(label) || label.includes("\\")) {
      throw new Error(`the ${what} "${name}" has a space, a backslash or a non-ASCII character`);
    }
  }
  if (wireLength(labels) > MAX_NAME) {
    throw new Error(`the ${what} "${name}" takes ${wireLength(labels)} octets; at most ${MAX_NAME}`);
  }
  return labels;
}

/** The zone's name, checked, without a trailing dot. */
export function zoneName(zone: string): string {
  const name = zone.endsWith(".") ? zone.slice(0, -1) : zone;
  checkName(name, "zone");
  return name;
}

/**
 * `name` made absolute: "@" is the zone; a trailing dot, or an ending in the zone, means fully qualified;
 * anything else is relative to the zone, as in a zone file. The result must lie inside the zone.
 */
export function nameInZone(name: string, zone: string): string {
  const apex = zoneName(zone);
  const trimmed = name.trim();
  const inside = (candidate: string) => sameName(candidate, apex) || candidate.toLowerCase().endsWith(`.${apex}`);
  let full: string;
  if (trimmed === "@") full = apex;
  else if (trimmed.endsWith(".")) full = trimmed.slice(0, -1);
  else full = inside(trimmed) ? trimmed : `${trimmed}.${apex}`;
  checkName(full);
  if (!inside(full)) throw new Error(`the name "${full}" is not inside the zone "${apex}"`);
  return full;
}

/**
 * Writes `name` as labels. With `compression` (suffix -> offset, shared by one message), a suffix written
 * before becomes a pointer, and the suffixes written here are remembered for later names.
 */
export function writeName(out: ByteWriter, name: string, compression?: Map<string, number>): void {
  const labels = name === "" ? [] : name.split(".");
  for (let i = 0; i < labels.length; i++) {
    const suffix = labels.slice(i).join(".").toLowerCase();
    const earlier = compression?.get(suffix);
    if (earlier !== undefined) {
      out.u16((POINTER << 8) | earlier);
      return;
    }
    if (compression && out.length <= MAX_POINTER_TARGET) compression.set(suffix, out.length);
    const label = labels[i]!;
    out.u8(label.length).bytes(Buffer.from(label, "ascii"));
  }
  out.u8(0);
}

/** Reads a name at the reader's offset, following compression pointers; the reader ends after its first part. */
export function readName(input: ByteReader): string {
  const labels: string[] = [];
  let length = 1;
  let cursor = input.offset;
  let lowest = cursor;
  let resumeAt: number | null = null;
  for (;;) {
    const at = cursor;
    input.offset = cursor;
    const size = input.u8();
    if (size === 0) {
      cursor = input.offset;
      break;
    }
    if ((size & POINTER) === POINTER) {
      const target = ((size & ~POINTER) << 8) | input.u8();
      // Each jump lands before every byte this name has read so far, so following pointers ends.
      if (target >= lowest) throw new MalformedMessage(`a name's pointer at byte ${at} does not point backwards`);
      resumeAt ??= input.offset;
      cursor = lowest = target;
      continue;
    }
    if (size > MAX_LABEL) throw new MalformedMessage(`a label at byte ${at} has the reserved length ${size}`);
    const label = input.bytes(size).toString("latin1");
    length += 1 + size;
    if (length > MAX_NAME) throw new MalformedMessage(`a name at byte ${at} is longer than ${MAX_NAME} octets`);
    labels.push(label.replace(PRINTED_ESCAPED, (c) => `\\${c}`));
    cursor = input.offset;
  }
  input.offset = resumeAt ?? cursor;
  return labels.join(".");
}

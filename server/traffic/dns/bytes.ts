// Big-endian bytes in and out of a DNS message. The reader throws a MalformedMessage at the first
// read past the end, so a parser never returns half a record.

export class MalformedMessage extends Error {}

export class ByteWriter {
  private readonly chunks: number[] = [];

  get length(): number {
    return this.chunks.length;
  }

  u8(value: number): this {
    this.chunks.push(value & 0xff);
    return this;
  }

  u16(value: number): this {
    return this.u8(value >>> 8).u8(value);
  }

  u32(value: number): this {
    return this.u16(value >>> 16).u16(value);
  }

  /** TSIG's time signed: seconds in 48 bits, beyond what a 32-bit shift can reach. */
  u48(value: number): this {
    return this.u16(Math.floor(value / 2 ** 32)).u32(value % 2 ** 32);
  }

  bytes(data: Uint8Array): this {
    for (const byte of data) this.chunks.push(byte);
    return this;
  }

  /** Overwrites a 16-bit field written earlier, such as a length known only once its data is written. */
  patchU16(at: number, value: number): void {
    this.chunks[at] = (value >>> 8) & 0xff;
    this.chunks[at + 1] = value & 0xff;
  }

  toBuffer(): Buffer {
    return Buffer.from(this.chunks);
  }
}

export class ByteReader {
  constructor(
    readonly data: Buffer,
    public offset = 0,
  ) {}

  private need(count: number): number {
    const at = this.offset;
    if (at + count > this.data.length) {
      throw new MalformedMessage(`the message ends at byte ${this.data.length}, ${count} more expected at ${at}`);
    }
    this.offset += count;
    return at;
  }

  u8(): number {
    return this.data.readUInt8(this.need(1));
  }

  u16(): number {
    return this.data.readUInt16BE(this.need(2));
  }

  u32(): number {
    return this.data.readUInt32BE(this.need(4));
  }

  u48(): number {
    return this.data.readUIntBE(this.need(6), 6);
  }

  bytes(count: number): Buffer {
    const at = this.need(count);
    return this.data.subarray(at, at + count);
  }
}

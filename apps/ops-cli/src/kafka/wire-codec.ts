/**
 * Kafka's classic (non-flexible) wire encoding: big-endian integers, INT16-length strings (-1 = null) and
 * INT32-count arrays. Only what the group-coordinator requests need (see group-protocol.ts).
 */
export class WireWriter {
  private readonly chunks: Buffer[] = [];

  int8(value: number): this {
    return this.fixed(1, (b) => b.writeInt8(value));
  }

  int16(value: number): this {
    return this.fixed(2, (b) => b.writeInt16BE(value));
  }

  int32(value: number): this {
    return this.fixed(4, (b) => b.writeInt32BE(value));
  }

  int64(value: bigint): this {
    return this.fixed(8, (b) => b.writeBigInt64BE(value));
  }

  string(value: string | null): this {
    if (value === null) {
      return this.int16(-1);
    }
    const bytes = Buffer.from(value, 'utf8');
    return this.int16(bytes.length).push(bytes);
  }

  array<T>(items: readonly T[], write: (writer: this, item: T) => void): this {
    this.int32(items.length);
    for (const item of items) {
      write(this, item);
    }
    return this;
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.chunks);
  }

  private fixed(size: number, write: (bytes: Buffer) => unknown): this {
    const bytes = Buffer.alloc(size);
    write(bytes);
    return this.push(bytes);
  }

  private push(bytes: Buffer): this {
    this.chunks.push(bytes);
    return this;
  }
}

export class WireReader {
  private offset = 0;

  constructor(private readonly buffer: Buffer) {}

  int8(): number {
    return this.advance(1, (at) => this.buffer.readInt8(at));
  }

  int16(): number {
    return this.advance(2, (at) => this.buffer.readInt16BE(at));
  }

  int32(): number {
    return this.advance(4, (at) => this.buffer.readInt32BE(at));
  }

  string(): string | null {
    const length = this.int16();
    if (length < 0) {
      return null;
    }
    return this.advance(length, (at) => this.buffer.toString('utf8', at, at + length));
  }

  array<T>(read: (reader: this) => T): T[] {
    const count = this.int32();
    return Array.from({ length: Math.max(0, count) }, () => read(this));
  }

  private advance<T>(size: number, read: (at: number) => T): T {
    if (this.offset + size > this.buffer.length) {
      throw new RangeError(`Kafka response truncated at byte ${this.offset} (+${size})`);
    }
    const value = read(this.offset);
    this.offset += size;
    return value;
  }
}

import { WireReader, WireWriter } from './wire-codec';

describe(WireWriter.name, () => {
  it('writes big-endian integers, length-prefixed strings and counted arrays that WireReader reads back', () => {
    const bytes = new WireWriter()
      .int8(-2)
      .int16(513)
      .int32(-1)
      .int64(2n ** 40n)
      .string('é')
      .string(null)
      .array([3, 4], (w, n) => w.int16(n))
      .toBuffer();
    expect(bytes.subarray(0, 7).toString('hex')).toBe('fe0201ffffffff');
    const r = new WireReader(bytes);
    expect([r.int8(), r.int16(), r.int32()]).toEqual([-2, 513, -1]);
    expect([r.int32(), r.int32()]).toEqual([256, 0]);
    expect([r.string(), r.string(), r.array((x) => x.int16())]).toEqual(['é', null, [3, 4]]);
  });

  it('counts string length in UTF-8 bytes, not characters', () => {
    expect(new WireWriter().string('é').toBuffer().readInt16BE(0)).toBe(2);
  });
});

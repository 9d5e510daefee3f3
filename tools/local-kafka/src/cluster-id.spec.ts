import { kraftClusterId } from './cluster-id';

describe('kraftClusterId', () => {
  it('is 16 bytes in unpadded base64url', () => {
    const id = kraftClusterId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(id, 'base64url')).toHaveLength(16);
  });

  it('draws again when the bytes would encode to an id that starts with a dash', () => {
    // 0xf8 in the first byte puts 62 ('-') in the first base64url digit.
    const draws = [Buffer.alloc(16, 0xf8), Buffer.alloc(16, 0x01)];
    const random = jest.fn((): Buffer => draws.shift() ?? Buffer.alloc(16));
    const id = kraftClusterId(random);
    expect(Buffer.alloc(16, 0xf8).toString('base64url').startsWith('-')).toBe(true);
    expect(id).toBe(Buffer.alloc(16, 0x01).toString('base64url'));
    expect(random).toHaveBeenCalledTimes(2);
  });
});

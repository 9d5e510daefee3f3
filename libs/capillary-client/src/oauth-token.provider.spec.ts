import { FakeClock } from '../test/fake-clock';
import { OAUTH_HEADER, type OAuthToken, OAuthTokenProvider } from './oauth-token.provider';

describe(OAuthTokenProvider.name, () => {
  let clock: FakeClock;
  let issued: number;
  let generate: () => Promise<OAuthToken>;

  beforeEach(() => {
    clock = new FakeClock();
    issued = 0;
    generate = () => Promise.resolve({ accessToken: `t${++issued}`, ttlSeconds: 300 });
  });

  it('shares one token generation between concurrent callers and reuses the token', async () => {
    const sut = new OAuthTokenProvider(generate, clock);

    const headers = await Promise.all([sut.headers(), sut.headers(), sut.headers()]);
    await sut.headers();

    expect(headers).toEqual([{ [OAUTH_HEADER]: 't1' }, { [OAUTH_HEADER]: 't1' }, { [OAUTH_HEADER]: 't1' }]);
    expect(issued).toBe(1);
  });

  it('renews shortly before the ttl runs out (10%, at most 30 s)', async () => {
    const sut = new OAuthTokenProvider(generate, clock);
    await sut.headers();

    await clock.advance(269_999);
    expect(await sut.headers()).toEqual({ [OAUTH_HEADER]: 't1' });
    await clock.advance(1);
    expect(await sut.headers()).toEqual({ [OAUTH_HEADER]: 't2' });
  });

  it('drops the failed token on 401 once, even when several requests report it', async () => {
    const sut = new OAuthTokenProvider(generate, clock);
    const failed = await sut.headers();

    expect(sut.unauthorized(failed)).toBe(true);
    const renewed = await sut.headers();
    expect(sut.unauthorized(failed)).toBe(true);

    expect(renewed).toEqual({ [OAUTH_HEADER]: 't2' });
    expect(await sut.headers()).toEqual({ [OAUTH_HEADER]: 't2' });
  });

  it('retries generation after a failed attempt', async () => {
    let fail = true;
    const sut = new OAuthTokenProvider(() => (fail ? Promise.reject(new Error('down')) : generate()), clock);

    await expect(sut.headers()).rejects.toThrow('down');
    fail = false;
    await expect(sut.headers()).resolves.toEqual({ [OAUTH_HEADER]: 't1' });
  });
});

import { KafkaSecurityError } from './kafka-security.error';
import { OAuthBearerTokenProvider } from './oauth-bearer.token-provider';

const credentials = {
  tokenEndpointUrl: 'https://idp.example/oauth2/token',
  clientId: 'client:id',
  clientSecret: 'the-client-secret',
  scope: 'kafka write',
};

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function jwt(claims: object): string {
  return `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
}

describe(OAuthBearerTokenProvider.name, () => {
  let now: number;
  let answers: (() => Promise<Response>)[];
  let requests: { url: unknown; init: RequestInit }[];
  let sut: OAuthBearerTokenProvider;

  beforeEach(() => {
    now = 1_000_000;
    answers = [];
    requests = [];
    const fetch = (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
      requests.push({ url, init: init ?? {} });
      const answer = answers.shift();
      return answer ? answer() : Promise.reject(new Error('no answer scripted'));
    };
    sut = new OAuthBearerTokenProvider(credentials, {
      fetch,
      now: () => now,
    });
  });

  const token = (value: string, expiresIn?: number) => () =>
    Promise.resolve(json(200, { access_token: value, token_type: 'Bearer', expires_in: expiresIn }));

  it('asks for a client-credentials grant with HTTP Basic client authentication and the scope', async () => {
    answers.push(token('t1', 100));
    expect(await sut.token()).toEqual({ value: 't1' });
    const [request] = requests;
    expect(request?.url).toBe(credentials.tokenEndpointUrl);
    expect(request?.init.method).toBe('POST');
    const headers = request?.init.headers as Record<string, string>;
    // RFC 6749 §2.3.1: id and secret are form-encoded before the Basic encoding.
    expect(headers['authorization']).toBe(
      `Basic ${Buffer.from('client%3Aid:the-client-secret').toString('base64')}`,
    );
    expect((request?.init.body as URLSearchParams).toString()).toBe(
      'grant_type=client_credentials&scope=kafka+write',
    );
  });

  it('reuses a token until 80% of its lifetime has passed, then fetches a new one', async () => {
    answers.push(token('t1', 100), token('t2', 100));
    expect(await sut.token()).toEqual({ value: 't1' });
    now += 79_999;
    expect(await sut.token()).toEqual({ value: 't1' });
    now += 1;
    expect(await sut.token()).toEqual({ value: 't2' });
    expect(requests).toHaveLength(2);
  });

  it("takes the lifetime from the JWT's exp when the endpoint sends no expires_in", async () => {
    answers.push(token(jwt({ exp: now / 1000 + 10 })), token('t2', 100));
    const first = await sut.token();
    now += 7_999;
    expect(await sut.token()).toEqual(first);
    now += 1;
    expect(await sut.token()).toEqual({ value: 't2' });
  });

  it('shares one request between concurrent connections', async () => {
    answers.push(token('t1', 100));
    const tokens = await Promise.all([sut.token(), sut.token(), sut.token()]);
    expect(tokens).toEqual([{ value: 't1' }, { value: 't1' }, { value: 't1' }]);
    expect(requests).toHaveLength(1);
  });

  it('reports refused credentials as final, naming the variables and never the secret', async () => {
    answers.push(() =>
      Promise.resolve(json(401, { error: 'invalid_client', error_description: 'the-client-secret' })),
    );
    const error = (await sut.token().catch((e: unknown) => e)) as KafkaSecurityError;
    expect(error).toBeInstanceOf(KafkaSecurityError);
    expect(error.retriable).toBe(false);
    expect(error.message).toBe(
      'No OAUTHBEARER token: the token endpoint in KAFKA_SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL refused the request (HTTP 401 invalid_client): check KAFKA_SASL_OAUTHBEARER_CLIENT_ID and KAFKA_SASL_OAUTHBEARER_CLIENT_SECRET',
    );
  });

  it('points at the scope when the endpoint says invalid_scope', async () => {
    answers.push(() => Promise.resolve(json(400, { error: 'invalid_scope' })));
    await expect(sut.token()).rejects.toThrow(
      /HTTP 400 invalid_scope\): check KAFKA_SASL_OAUTHBEARER_SCOPE$/,
    );
  });

  it('lets kafkajs retry when the endpoint is down or overloaded', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), {
      cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
    });
    answers.push(
      () => Promise.reject(refused),
      () => Promise.resolve(json(503, {})),
      token('t1', 100),
    );
    await expect(sut.token()).rejects.toMatchObject({
      retriable: true,
      message:
        'No OAUTHBEARER token: the token endpoint in KAFKA_SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL did not answer (ECONNREFUSED)',
    });
    await expect(sut.token()).rejects.toMatchObject({ retriable: true });
    expect(await sut.token()).toEqual({ value: 't1' });
  });

  it('refuses an answer without an access_token', async () => {
    answers.push(() => Promise.resolve(json(200, { token_type: 'Bearer' })));
    await expect(sut.token()).rejects.toThrow('answered without an access_token');
  });
});

import { DEMO_PROGRAM_ID } from '@tiersync/capillary-sim';
import { BASIC, OAUTH, rejectionOf, useSimClient } from '../test/sim-client';
import { basicAuthorization } from './auth.provider';
import { CapillaryClient } from './capillary.client';

describe(`${CapillaryClient.name} auth`, () => {
  describe('basic', () => {
    const harness = useSimClient({ auth: BASIC });

    it('builds base64(username:md5hex(password))', () => {
      // md5("till-secret") = 9c3ee66f01c5ce38bd4fe2c20734f7ad
      expect(basicAuthorization('till.user', 'till-secret')).toBe(
        `Basic ${Buffer.from('till.user:9c3ee66f01c5ce38bd4fe2c20734f7ad').toString('base64')}`,
      );
    });

    it('is accepted with the right credentials', async () => {
      await expect(harness.client().getProgramTiers(DEMO_PROGRAM_ID)).resolves.toHaveLength(3);
    });

    it('maps a 401 to a permanent error that never shows the password', async () => {
      const client = harness.client({
        auth: { kind: 'basic', username: BASIC.username, password: 'wrong-pass' },
      });

      const error = await rejectionOf(client.getProgramTiers(DEMO_PROGRAM_ID));

      expect(error).toMatchObject({ status: 401, retryable: false, kind: 'api' });
      expect(JSON.stringify(error) + String(error)).not.toContain('wrong-pass');
    });
  });

  describe('oauth', () => {
    const harness = useSimClient({ auth: { oauthKey: OAUTH.key, oauthSecret: OAUTH.secret } });

    const oauthClient = () => harness.client({ auth: { kind: 'oauth', ...OAUTH } });

    it('generates one token for concurrent calls, sends it as X-CAP-API-OAUTH-TOKEN and reuses it', async () => {
      const client = oauthClient();

      await Promise.all([
        client.getProgramTiers(DEMO_PROGRAM_ID),
        client.getGroup(3918893),
        client.getGroup(3918894),
      ]);
      await client.getCustomerLoyalty(566998132);

      const tokenCalls = harness.sim.control.calls({ endpoint: 'oauthToken' });
      expect(tokenCalls).toHaveLength(1);
      expect(tokenCalls[0]?.body).toEqual({ key: OAUTH.key, secret: OAUTH.secret });
      expect(harness.sim.control.calls().filter((c) => c.status === 200)).toHaveLength(5);
    });

    it('renews the token once on 401 and repeats the call', async () => {
      const client = oauthClient();
      await client.getProgramTiers(DEMO_PROGRAM_ID);
      harness.sim.control.expireTokens();

      await expect(client.getProgramTiers(DEMO_PROGRAM_ID)).resolves.toHaveLength(3);

      expect(harness.sim.control.calls().map((c) => `${c.endpoint ?? ''} ${c.status ?? ''}`)).toEqual([
        'oauthToken 200',
        'tiers 200',
        'tiers 401',
        'oauthToken 200',
        'tiers 200',
      ]);
    });

    it('gives up after one renewal when the new token is refused too', async () => {
      const client = oauthClient();
      await client.getProgramTiers(DEMO_PROGRAM_ID);
      harness.sim.control.setFaults({ endpoints: { oauthToken: { rate500: 1 } } });
      harness.sim.control.expireTokens();

      const error = await rejectionOf(client.getProgramTiers(DEMO_PROGRAM_ID));

      expect(error).toMatchObject({ status: 500, retryable: true, request: 'POST /v3/oauth/token/generate' });
    });

    it('logs calls, renewals and failures without keys, secrets or tokens', async () => {
      const lines: string[] = [];
      const record = (message: string, meta?: Record<string, unknown>) =>
        lines.push(`${message} ${JSON.stringify(meta)}`);
      const client = harness.client({
        auth: { kind: 'oauth', ...OAUTH },
        logger: { debug: record, warn: record },
      });

      await client.getGroup(3918893);
      harness.sim.control.expireTokens();
      await client.getGroup(3918893);
      await client.getGroup(42).catch(() => undefined);
      client.close();

      const log = lines.join('\n');
      expect(log).toContain('renewing the token once');
      expect(log).toContain('"code":1619');
      expect(log).not.toContain(OAUTH.key);
      expect(log).not.toContain(OAUTH.secret);
      expect(log).not.toMatch(/sim\.[0-9a-f-]+\.\d/);
    });

    it('reports wrong client credentials as a permanent error without the secret', async () => {
      const client = harness.client({ auth: { kind: 'oauth', key: OAUTH.key, secret: 'not-the-secret' } });

      const error = await rejectionOf(client.getGroup(3918893));

      expect(error).toMatchObject({ status: 401, retryable: false });
      expect(String(error) + JSON.stringify(error)).not.toContain('not-the-secret');
      expect(harness.sim.control.calls({ endpoint: 'userGroup2' })).toHaveLength(0);
    });
  });
});

import { DEMO_PROGRAM_ID } from '@tiersync/capillary-sim';
import http from 'node:http';
import { type AddressInfo } from 'node:net';
import { rejectionOf, useSimClient } from '../test/sim-client';
import { CapillaryApiError, isAlreadyAtTarget } from './capillary-api.error';
import { CapillaryClient } from './capillary.client';
import { type ManualSlabAdjustmentRequest } from './slab-adjustment.types';

const SECONDARY = 567219877;
const FRAUD = 567300002;
const upgrade = (patch: Partial<ManualSlabAdjustmentRequest> = {}): ManualSlabAdjustmentRequest => ({
  programId: DEMO_PROGRAM_ID,
  slabAction: 'UPGRADE',
  toSlabName: 'Gold',
  manualSlabActionValidity: 'AS_PER_TIER_STRATEGY',
  ...patch,
});

describe(`${CapillaryClient.name} errors`, () => {
  const harness = useSimClient();
  let sut: CapillaryClient;

  beforeEach(() => {
    sut = harness.client();
  });

  describe('documented codes from the simulator', () => {
    it.each<[string, number, () => Promise<unknown>]>([
      [
        '1101 invalid programId',
        1101,
        () => sut.manualSlabAdjustment(SECONDARY, upgrade({ programId: 999 })),
      ],
      ['3045 customer flagged', 3045, () => sut.manualSlabAdjustment(FRAUD, upgrade())],
      ['8015 customer not found', 8015, () => sut.manualSlabAdjustment(111, upgrade())],
      ['8015 on customer read', 8015, () => sut.getCustomerLoyalty(111)],
      [
        '8923 slab not found',
        8923,
        () => sut.manualSlabAdjustment(SECONDARY, upgrade({ toSlabName: 'Diamond' })),
      ],
      ['1619 invalid group', 1619, () => sut.getGroup(42)],
    ])('%s is permanent', async (_, code, call) => {
      const error = await rejectionOf(call());

      expect(error).toBeInstanceOf(CapillaryApiError);
      expect(error).toMatchObject({ kind: 'api', code, retryable: false });
    });

    it('8925 (UPGRADE to the current tier) is recognisable and permanent', async () => {
      const error = await rejectionOf(sut.manualSlabAdjustment(566998132, upgrade()));

      expect(isAlreadyAtTarget(error)).toBe(true);
      expect(error).toMatchObject({ code: 8925, status: 400, retryable: false });
    });

    it('a 200 whose body carries errors is an error too', async () => {
      harness.sim.control.setFaults({ errorEnvelopeStatus: 200 });

      const error = await rejectionOf(sut.manualSlabAdjustment(111, upgrade()));

      expect(error).toMatchObject({ kind: 'api', status: 200, code: 8015, retryable: false });
    });
  });

  it('does not follow a redirect: the call fails, naming where it was sent', async () => {
    let followed = 0;
    const target = http.createServer((_, res) => {
      followed++;
      res.end('{}');
    });
    const redirecting = http.createServer((_, res) => {
      res.writeHead(302, { Location: `http://127.0.0.1:${portOf(target)}/v2/customers/1` }).end();
    });
    await Promise.all([listen(target), listen(redirecting)]);
    try {
      const client = harness.client({ baseUrl: `http://127.0.0.1:${portOf(redirecting)}` });

      const error = await rejectionOf(client.getCustomerLoyalty(1));

      expect(error).toMatchObject({ kind: 'http', status: 302, retryable: false });
      expect(String(error)).toContain(`redirected to http://127.0.0.1:${portOf(target)}/v2/customers/1`);
      expect(followed).toBe(0);
    } finally {
      target.close();
      redirecting.close();
    }
  });

  describe('pre-send validation', () => {
    it.each<[string, ManualSlabAdjustmentRequest]>([
      ['missing toSlabName (8923 upstream)', upgrade({ toSlabName: undefined })],
      [
        'non-integer days (8921 upstream)',
        upgrade({ manualSlabActionValidity: 'FIXED_DURATION', manualSlabActionValidityUpto: 'ten' }),
      ],
      [
        'bad date',
        upgrade({ manualSlabActionValidity: 'SPECIFIC_DATE', manualSlabActionValidityUpto: '20/04/2025' }),
      ],
      ['reason over 255', upgrade({ slabChangeReason: 'x'.repeat(256) })],
      ['missing slabAction (8917 upstream)', { ...upgrade(), slabAction: undefined as unknown as 'UPGRADE' }],
      [
        'missing validity (8920 upstream)',
        { ...upgrade(), manualSlabActionValidity: undefined as unknown as 'AS_PER_TIER_STRATEGY' },
      ],
    ])('rejects %s without a request', async (_, body) => {
      const error = await rejectionOf(sut.manualSlabAdjustment(SECONDARY, body));

      expect(error).toMatchObject({ kind: 'validation', retryable: false });
      expect(harness.sim.control.calls()).toHaveLength(0);
    });

    it('rejects a non-numeric id identifier (11030 upstream) without a request', async () => {
      const error = await rejectionOf(
        sut.manualSlabAdjustment(0, upgrade(), { identifierName: 'id', identifierValue: 'abc' }),
      );

      expect(error).toMatchObject({ kind: 'validation', retryable: false });
      expect(harness.sim.control.calls()).toHaveLength(0);
    });

    it('rejects partner updates without an identifier or a tier name', async () => {
      const error = await rejectionOf(
        sut.updatePartnerPrograms([
          {
            customer: {},
            partnerProgramUpdates: [{ partnerProgramName: 'Apparel-Partner', updateType: 'UPGRADE' }],
          },
        ]),
      );

      expect(error).toMatchObject({ kind: 'validation' });
      expect(String(error)).toContain('[0].customer needs one of id, mobile, email, externalId');
      expect(String(error)).toContain('updatedTierName is required');
      expect(harness.sim.control.calls()).toHaveLength(0);
    });
  });

  describe('injected faults', () => {
    it.each<[string, number, string | undefined, number | undefined]>([
      ['500', 500, undefined, undefined],
      ['521 with Retry-After seconds', 521, '3', 3000],
      ['429 with Retry-After seconds', 429, '2', 2000],
    ])('%s is retryable', async (_, status, retryAfter, retryAfterMs) => {
      const rule =
        status === 500
          ? { rate500: 1 }
          : status === 521
            ? { rate521: 1, retryAfter }
            : { rate429: 1, retryAfter };
      harness.sim.control.setFaults({ endpoints: { manualSlabAdjustment: rule } });

      const error = await rejectionOf(sut.manualSlabAdjustment(SECONDARY, upgrade()));

      expect(error).toMatchObject({ status, retryable: true, retryAfterMs });
      expect(harness.sim.control.tierOf(SECONDARY, DEMO_PROGRAM_ID).tierNumber).toBe(1);
    });

    it('429 with an HTTP-date Retry-After becomes a delay in ms', async () => {
      const at = new Date(Date.now() + 30_000).toUTCString();
      harness.sim.control.setFaults({ endpoints: { '*': { rate429: 1, retryAfter: at } } });

      const error = await rejectionOf(sut.getGroup(3918893));

      expect(error).toMatchObject({ status: 429, retryable: true });
      expect((error as CapillaryApiError).retryAfterMs).toBeGreaterThan(25_000);
      expect((error as CapillaryApiError).retryAfterMs).toBeLessThanOrEqual(30_000);
    });

    it('a plain-text 503 is a retryable http error', async () => {
      harness.sim.control.setFaults({ endpoints: { tiers: { rate503: 1 } } });

      await expect(rejectionOf(sut.getProgramTiers(DEMO_PROGRAM_ID))).resolves.toMatchObject({
        kind: 'http',
        status: 503,
        retryable: true,
      });
    });

    it('a hang ends as a retryable timeout', async () => {
      harness.sim.control.setFaults({ endpoints: { userGroup2Members: { rateHang: 1 } } });
      const client = harness.client({ timeoutMs: 150 });

      const error = await rejectionOf(client.getGroupMembers(3918893));

      expect(error).toMatchObject({ kind: 'timeout', retryable: true });
      const [call] = harness.sim.control.calls();
      expect(call).toMatchObject({ fault: 'hang' });
    });

    it('a refused connection is a retryable network error', async () => {
      const client = new CapillaryClient({
        baseUrl: 'http://127.0.0.1:1',
        auth: { kind: 'basic', username: 'u', password: 'p' },
      });

      await expect(rejectionOf(client.getGroup(1))).resolves.toMatchObject({
        kind: 'network',
        retryable: true,
      });
    });

    it('latency delays the answer but the call succeeds', async () => {
      harness.sim.control.setFaults({ latency: { fixedMs: 60, jitterMs: 20 } });

      await expect(sut.getGroup(3918893)).resolves.toMatchObject({ id: 3918893 });
      expect(harness.sim.control.calls()[0]?.durationMs).toBeGreaterThanOrEqual(59);
    });

    it('the server-side per-minute limit answers 429 with Retry-After beyond the limit', async () => {
      harness.sim.control.setFaults({ requestsPerMinute: 3 });

      const results = await Promise.allSettled([1, 2, 3, 4, 5].map(() => sut.getGroup(3918893)));

      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(rejected.map((r) => r.reason as unknown)).toEqual([
        expect.objectContaining({
          status: 429,
          retryable: true,
          retryAfterMs: expect.any(Number) as unknown,
        }),
        expect.objectContaining({ status: 429, retryable: true }),
      ]);
    });
  });
});

function listen(server: http.Server): Promise<void> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
}

function portOf(server: http.Server): number {
  return (server.address() as AddressInfo).port;
}

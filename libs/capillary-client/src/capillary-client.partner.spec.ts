import { DEMO_PARTNER_PROGRAM, demoSeed, type SimSeed } from '@tiersync/capillary-sim';
import { useSimClient } from '../test/sim-client';
import { CapillaryClient } from './capillary.client';
import { type CustomerPartnerUpdate } from './partner-program.types';

const FIRST = 6000000;

/** The demo org plus 120 customers linked to the partner program at Silver. */
function linkedSeed(): SimSeed {
  const seed = demoSeed();
  for (let i = 0; i < 120; i++) {
    seed.customers.push({
      customerId: FIRST + i,
      firstName: `P${i}`,
      lastName: 'Linked',
      status: 'ACTIVE',
      tiers: [],
      partnerLinks: [
        { partnerProgramName: DEMO_PARTNER_PROGRAM, tierName: 'Silver', membershipNumber: `L-${i}` },
      ],
    });
  }
  return seed;
}

const toGold = (id: number, partnerProgramName = DEMO_PARTNER_PROGRAM): CustomerPartnerUpdate => ({
  customer: { id },
  partnerProgramUpdates: [
    { partnerProgramName, updateType: 'UPGRADE', updateDetails: { updatedTierName: 'Gold' } },
  ],
});

describe(`${CapillaryClient.name} partner programs`, () => {
  const harness = useSimClient({ seed: linkedSeed() });

  it('splits 120 customers into 3 requests of at most 50 and returns results in input order', async () => {
    const updates = Array.from({ length: 120 }, (_, i) => toGold(FIRST + i));

    const results = await harness.client().updatePartnerPrograms(updates);

    const calls = harness.sim.control.calls({ endpoint: 'partnerProgramUpdate' });
    const sizes = calls.map(
      (c) => (c.body as { customersPartnerUpdates: unknown[] }).customersPartnerUpdates.length,
    );
    expect(sizes.sort((a, b) => b - a)).toEqual([50, 50, 20]);
    expect(results.map((r) => r.customerId)).toEqual(updates.map((u) => u.customer.id));
    expect(results.every((r) => r.ok)).toBe(true);
    const linked = harness.sim.control.state().customers.find((c) => c.customerId === FIRST + 119);
    expect(linked?.partnerLinks[0]?.tierName).toBe('Gold');
  });

  it('maps per-customer and per-program statuses back to each input', async () => {
    const results = await harness.client().updatePartnerPrograms([
      toGold(FIRST),
      toGold(564662499),
      toGold(111),
      toGold(FIRST + 1, 'No-Such-Partner'),
      {
        customer: { id: FIRST + 2 },
        partnerProgramUpdates: [
          {
            partnerProgramName: DEMO_PARTNER_PROGRAM,
            updateType: 'RENEW',
            updateDetails: { updatedTierName: 'Silver' },
          },
          {
            partnerProgramName: DEMO_PARTNER_PROGRAM,
            updateType: 'UPGRADE',
            updateDetails: { updatedTierName: 'Titan' },
          },
        ],
      },
    ]);

    expect(results.map((r) => [r.ok, r.customerStatus?.code, r.programs.map((p) => p.code)])).toEqual([
      [true, 1000, [200]],
      [false, 1000, [2004]],
      [false, 8015, [8015]],
      [false, 1000, [2006]],
      [false, 1000, [200, 2007]],
    ]);
  });

  it('marks only the customers of a failed batch with the error', async () => {
    harness.sim.control.setFaults({ requestsPerMinute: 2 });
    const updates = Array.from({ length: 120 }, (_, i) => toGold(FIRST + i));

    const results = await harness.client({ maxConcurrency: 1 }).updatePartnerPrograms(updates);

    expect(results.slice(0, 100).every((r) => r.ok && !r.error)).toBe(true);
    expect(results.slice(100).every((r) => !r.ok && r.error?.status === 429 && r.error.retryable)).toBe(true);
  });

  it('maps the answer by customer, whatever its order', async () => {
    harness.sim.control.setBehaviour({ partnerAnswerOrder: 'reversed' });
    const results = await harness.client().updatePartnerPrograms([toGold(FIRST + 3), toGold(564662499)]);

    expect(results.map((r) => [r.input.customer.id, r.customerId, r.ok, r.programs[0]?.code])).toEqual([
      [FIRST + 3, FIRST + 3, true, 200],
      [564662499, 564662499, false, 2004],
    ]);
  });

  it('fails a customer the answer leaves out permanently, and only that one', async () => {
    harness.sim.control.setBehaviour({ partnerAnswerOrder: 'omit-last' });
    const results = await harness.client().updatePartnerPrograms([toGold(FIRST + 4), toGold(FIRST + 5)]);

    expect(results[0]).toMatchObject({ ok: true, customerId: FIRST + 4 });
    expect(results[1]).toMatchObject({ ok: false, error: { retryable: false } });
    expect(results[1]?.mismatch).toBe(
      `customerPartnerProgramUpdate answered no entry for customer id=${FIRST + 5}`,
    );
  });
});

import { parseBatchResults } from './partner-batch.parser';
import { type CustomerPartnerUpdate } from './partner-program.types';

const update = (customer: CustomerPartnerUpdate['customer']): CustomerPartnerUpdate => ({
  customer,
  partnerProgramUpdates: [
    { partnerProgramName: 'P', updateType: 'UPGRADE', updateDetails: { updatedTierName: 'Gold' } },
  ],
});
const entry = (customer: Record<string, unknown>, code = 200) => ({
  customer: { ...customer, status: { status: true, code: 1000 } },
  partnerProgramUpdates: [{ partnerProgramName: 'P', updateStatus: { status: code === 200, code } }],
});

describe(parseBatchResults.name, () => {
  it('maps entries by the identifier sent, ids as numbers or digits', () => {
    const results = parseBatchResults(
      { customersPartnerUpdates: [entry({ mobile: '9190' }, 2004), entry({ id: '7' })] },
      [update({ id: 7 }), update({ mobile: '9190' })],
    );
    expect(results.map((r) => [r.ok, r.programs[0]?.code])).toEqual([
      [true, 200],
      [false, 2004],
    ]);
  });

  it('names the customers not sent when one of ours has no entry, and fails a customer answered twice', () => {
    const results = parseBatchResults(
      { customersPartnerUpdates: [entry({ id: 9 }), entry({ id: 8 }), entry({ id: 8 })] },
      [update({ id: 7 }), update({ id: 8 })],
    );
    expect(results.map((r) => r.mismatch)).toEqual([
      'customerPartnerProgramUpdate answered no entry for customer id=7; it named customers not sent: id=9',
      'customerPartnerProgramUpdate answered customer id=8 2 times',
    ]);
    expect(results.every((r) => !r.ok && r.error?.retryable === false)).toBe(true);
  });
});

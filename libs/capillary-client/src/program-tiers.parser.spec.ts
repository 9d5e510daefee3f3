import { CapillaryApiError } from './capillary-api.error';
import { parseProgramTiers } from './loyalty.parser';

/** Shaped like the reference's sample of GET /v3/tiers (docs/architecture.md, API fact 15). */
const documented = {
  data: {
    tiers: [
      { slabId: 12, programId: 973, name: 'Gold', serialNumber: 2, description: 'Gold tier', status: 'LIVE' },
      { slabId: 11, programId: 973, name: 'Silver', serialNumber: 1, status: 'LIVE' },
      { slabId: 13, programId: 973, name: 'Platinum', serialNumber: 3, status: 'DRAFT' },
      { slabId: 21, programId: 974, name: 'Other', serialNumber: 1, status: 'LIVE' },
    ],
  },
  errors: [],
  warnings: [],
};

describe(parseProgramTiers.name, () => {
  it("reads the documented shape: the program's LIVE tiers by serialNumber", () => {
    expect(parseProgramTiers(documented, 973).map((t) => [t.serialNumber, t.name])).toEqual([
      [1, 'Silver'],
      [2, 'Gold'],
    ]);
  });

  it.each([
    ['a bare data array', { data: documented.data.tiers }],
    ['null tiers', { data: { tiers: null } }],
    ['no data', { errors: [] }],
  ])('fails loudly, and for good, on %s instead of reading a program without tiers', (_shape, body) => {
    const failure = (() => {
      try {
        parseProgramTiers(body, 973);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(failure).toBeInstanceOf(CapillaryApiError);
    expect(failure).toMatchObject({ retryable: false });
  });
});

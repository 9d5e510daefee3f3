import { CapillaryApiError } from './capillary-api.error';
import { parseOrganizationPrograms } from './organization-programs.parser';

/** Shaped like the documented sample of GET /v2/organization/programs (docs/architecture.md, API fact 25). */
const documented = {
  data: [
    {
      programId: 622,
      programName: 'OrgDefaultProgram',
      pointsToCurrencyRatio: 0.111,
      programDescription: 'Default program',
      partnerPrograms: [
        {
          partnerProgramId: 48,
          partnerProgramName: 'Airline-Partner',
          partnerProgramDescription: 'Airline',
          partnerProgramTiers: [
            { tierNumber: 2, tierName: 'Gold' },
            { tierNumber: 1, tierName: 'Silver' },
          ],
          pointsExchangeRate: 1.0,
          partnerProgramType: 'EXTERNAL',
          membershipPeriodValue: 0,
          tierBased: true,
        },
        {
          partnerProgramId: '49.0',
          partnerProgramName: 'Supplementary',
          pointsExchangeRate: 1.0,
          partnerProgramType: 'SUPPLEMENTARY',
          membershipPeriodType: 'DAYS',
          membershipPeriodValue: 365,
          tierBased: false,
        },
      ],
      default: true,
    },
  ],
  warnings: [],
  errors: [],
};

describe(parseOrganizationPrograms.name, () => {
  it('reads programs, partner programs and their tiers (ordered by number); no tiers is an empty list', () => {
    expect(parseOrganizationPrograms(documented)).toEqual([
      {
        programId: 622,
        programName: 'OrgDefaultProgram',
        programDescription: 'Default program',
        pointsToCurrencyRatio: 0.111,
        isDefault: true,
        partnerPrograms: [
          {
            partnerProgramId: 48,
            partnerProgramName: 'Airline-Partner',
            partnerProgramType: 'EXTERNAL',
            tierBased: true,
            tiers: [
              { tierNumber: 1, tierName: 'Silver' },
              { tierNumber: 2, tierName: 'Gold' },
            ],
          },
          {
            partnerProgramId: 49,
            partnerProgramName: 'Supplementary',
            partnerProgramType: 'SUPPLEMENTARY',
            tierBased: false,
            tiers: [],
          },
        ],
      },
    ]);
  });

  it('reads a program without partner programs, and an empty org', () => {
    const bare = { data: [{ programId: 1, programName: 'P', default: 'false' }], warnings: [] };
    expect(parseOrganizationPrograms(bare)).toEqual([
      { programId: 1, programName: 'P', isDefault: false, partnerPrograms: [] },
    ]);
    expect(parseOrganizationPrograms({ warnings: [], errors: [] })).toEqual([]);
  });

  it.each([
    ['a body that is not an object', []],
    ['data that is not a list', { data: {} }],
    ['a tier without a name', { data: [{ ...documented.data[0], partnerPrograms: [badTier()] }] }],
  ])('fails loudly, not retryably, on %s', (_, body) => {
    let error: unknown;
    try {
      parseOrganizationPrograms(body);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(CapillaryApiError);
    expect(error).toMatchObject({ retryable: false });
  });
});

function badTier(): unknown {
  return { partnerProgramId: 5, partnerProgramName: 'X', partnerProgramTiers: [{ tierNumber: 1 }] };
}

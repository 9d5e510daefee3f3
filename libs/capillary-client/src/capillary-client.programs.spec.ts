import { rejectionOf, useSimClient } from '../test/sim-client';
import { CapillaryApiError } from './capillary-api.error';
import { CapillaryClient } from './capillary.client';

describe(`${CapillaryClient.name} organization programs`, () => {
  const harness = useSimClient();

  it('getOrganizationPrograms reads every program with its partner programs and partner tiers', async () => {
    const programs = await harness.client().getOrganizationPrograms();

    expect(programs.map((p) => [p.programId, p.isDefault])).toEqual([
      [973, true],
      [2834, false],
    ]);
    expect(programs[0]?.partnerPrograms).toEqual([
      {
        partnerProgramId: 101,
        partnerProgramName: 'Apparel-Partner',
        partnerProgramType: 'EXTERNAL',
        tierBased: true,
        tiers: [
          { tierNumber: 1, tierName: 'Silver' },
          { tierNumber: 2, tierName: 'Gold' },
        ],
      },
      {
        partnerProgramId: 102,
        partnerProgramName: 'Apparel-Supplementary',
        partnerProgramType: 'SUPPLEMENTARY',
        tierBased: false,
        tiers: [],
      },
    ]);
    const [call] = harness.sim.control.calls({ endpoint: 'organizationPrograms' });
    expect(call).toMatchObject({ method: 'GET', path: '/v2/organization/programs', query: {} });
  });

  it.each<[string, { rate500?: number; rate521?: number; rate503?: number }, number]>([
    ['500', { rate500: 1 }, 500],
    ['521', { rate521: 1 }, 521],
    ['plain-text 503', { rate503: 1 }, 503],
  ])('a %s is a retryable CapillaryApiError', async (_, rule, status) => {
    harness.sim.control.setFaults({ endpoints: { organizationPrograms: rule } });

    const error = await rejectionOf(harness.client().getOrganizationPrograms());

    expect(error).toBeInstanceOf(CapillaryApiError);
    expect(error).toMatchObject({ status, retryable: true });
  });

  it('wrong credentials are a permanent 401', async () => {
    const client = harness.client({ auth: { kind: 'basic', username: 'till.user', password: 'nope' } });

    await expect(rejectionOf(client.getOrganizationPrograms())).resolves.toMatchObject({
      status: 401,
      retryable: false,
    });
  });
});

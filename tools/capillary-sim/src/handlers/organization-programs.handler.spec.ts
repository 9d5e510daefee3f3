import { basicHeader, envelope, simCall, useSim } from '../../test/sim-http';
import { startCapillarySim } from '../capillary-sim';
import { demoSeed } from '../demo-seed';
import { getOrganizationPrograms } from './organization-programs.handler';

describe(getOrganizationPrograms.name, () => {
  const ctx = useSim();
  const get = () => simCall(ctx.sim, 'GET', '/v2/organization/programs');

  it('lists every program with its partner programs and their tiers, in the v2 data envelope', async () => {
    const answer = await get();

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      data: [
        {
          programId: 973,
          programName: 'DefaultProgram',
          pointsToCurrencyRatio: 1,
          programDescription: expect.any(String) as unknown,
          partnerPrograms: [
            {
              partnerProgramId: 101,
              partnerProgramName: 'Apparel-Partner',
              partnerProgramDescription: 'Apparel-Partner',
              partnerProgramTiers: [
                { tierNumber: 1, tierName: 'Silver' },
                { tierNumber: 2, tierName: 'Gold' },
              ],
              pointsExchangeRate: 1,
              partnerProgramType: 'EXTERNAL',
              membershipPeriodValue: 0,
              tierBased: true,
            },
            expect.objectContaining({ partnerProgramId: 102, tierBased: false }) as unknown,
          ],
          default: true,
        },
        expect.objectContaining({ programId: 2834, partnerPrograms: [], default: false }) as unknown,
      ],
      warnings: [],
      errors: [],
    });
    const [, supplementary] = (answer.body as { data: { partnerPrograms: object[] }[] }).data[0]!
      .partnerPrograms;
    expect(supplementary).not.toHaveProperty('partnerProgramTiers');
  });

  it('follows the partner programs of the current state', async () => {
    const seed = ctx.sim.control.state();
    seed.partnerPrograms[0]!.tiers.push({ tierNumber: 3, tierName: 'Platinum' });
    ctx.sim.control.reset(seed);
    try {
      const answer = await get();

      const [program] = (
        answer.body as { data: { partnerPrograms: { partnerProgramTiers?: unknown[] }[] }[] }
      ).data;
      expect(program?.partnerPrograms[0]?.partnerProgramTiers).toContainEqual({
        tierNumber: 3,
        tierName: 'Platinum',
      });
    } finally {
      ctx.sim.control.reset(demoSeed());
    }
  });

  it('answers 401 without credentials and injected faults like every endpoint', async () => {
    const guarded = await startCapillarySim({ auth: { username: 'u', password: 'p' } });
    try {
      expect(await simCall(guarded, 'GET', '/v2/organization/programs')).toMatchObject({ status: 401 });
      const ok = await simCall(guarded, 'GET', '/v2/organization/programs', undefined, basicHeader('u', 'p'));
      expect(ok.status).toBe(200);
    } finally {
      await guarded.stop();
    }
    ctx.sim.control.setFaults({ endpoints: { organizationPrograms: { rate521: 1 } } });
    expect(await get()).toMatchObject({ status: 521, body: envelope(521) });
    expect(ctx.sim.control.calls({ endpoint: 'organizationPrograms' })).toHaveLength(1);
  });
});

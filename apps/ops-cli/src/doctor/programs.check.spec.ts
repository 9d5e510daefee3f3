import { type OrganizationProgram, type ProgramTier } from '@tiersync/capillary-client';
import { CheckList } from './check-list';
import { checkPrograms } from './programs.check';

const program = (programId: number): OrganizationProgram => ({
  programId,
  programName: `P${programId}`,
  isDefault: false,
  partnerPrograms: [],
});

async function run(
  programs: OrganizationProgram[],
  only: number | undefined,
  tiers: () => Promise<ProgramTier[]>,
) {
  const checks = new CheckList();
  const reports = await checkPrograms({ getProgramTiers: tiers }, programs, only, checks);
  return { reports, checks: checks.checks.map((c) => `${c.verdict} ${c.message}`) };
}

describe(checkPrograms.name, () => {
  it('lists the LIVE tiers of each program', async () => {
    const tiers = [{ programId: 1, name: 'Gold', serialNumber: 2, status: 'LIVE' }];
    const { reports, checks } = await run([program(1)], undefined, () => Promise.resolve(tiers));
    expect(reports).toEqual([
      { programId: 1, programName: 'P1', tiers: [{ serialNumber: 2, name: 'Gold' }] },
    ]);
    expect(checks).toEqual(['ok program 1 "P1": GET /v3/tiers lists 2 Gold']);
  });

  it('FAILs on a tier list that is not the documented shape, and keeps the program without tiers', async () => {
    const malformed = () =>
      Promise.reject(new Error('Unexpected Capillary response: tiers response data is not an object'));
    const { reports, checks } = await run([program(1)], undefined, malformed);
    expect(reports).toEqual([{ programId: 1, programName: 'P1' }]);
    expect(checks).toEqual([
      expect.stringMatching(
        /^fail program 1 "P1": GET \/v3\/tiers: Unexpected Capillary response: tiers response data/,
      ),
    ]);
  });

  it('FAILs on an org without programs, and on a --program the org does not list', async () => {
    const none = () => Promise.resolve([]);
    expect((await run([], undefined, none)).checks).toEqual([
      'fail GET /v2/organization/programs lists no loyalty program: nothing to sync',
    ]);
    expect((await run([program(1), program(2)], 3, none)).checks).toEqual([
      "fail program 3 is not among the org's programs (1, 2)",
    ]);
  });
});

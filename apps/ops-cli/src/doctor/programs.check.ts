import { type OrganizationProgram } from '@tiersync/capillary-client';
import { type CheckList, messageOf } from './check-list';
import { type DoctorClient } from './doctor-client';
import { type ProgramReport } from './doctor.report';

/** The org's loyalty programs (or the one of --program) with their LIVE tiers from GET /v3/tiers. */
export async function checkPrograms(
  client: Pick<DoctorClient, 'getProgramTiers'>,
  programs: readonly OrganizationProgram[],
  only: number | undefined,
  checks: CheckList,
): Promise<ProgramReport[]> {
  if (programs.length === 0) {
    checks.fail('programs', 'GET /v2/organization/programs lists no loyalty program: nothing to sync');
    return [];
  }
  const selected = programs.filter((p) => only === undefined || p.programId === only);
  if (selected.length === 0) {
    const ids = programs.map((p) => p.programId).join(', ');
    checks.fail('programs', `program ${String(only)} is not among the org's programs (${ids})`);
    return [];
  }
  return Promise.all(
    selected.map(async ({ programId, programName }): Promise<ProgramReport> => {
      const name = `program ${programId} "${programName}"`;
      try {
        const tiers = (await client.getProgramTiers(programId)).map((t) => ({
          serialNumber: t.serialNumber,
          name: t.name,
        }));
        if (tiers.length === 0) {
          checks.warn('programs', `${name}: GET /v3/tiers lists no LIVE tier`);
        } else {
          const list = tiers.map((t) => `${t.serialNumber} ${t.name}`).join(', ');
          checks.ok('programs', `${name}: GET /v3/tiers lists ${list}`);
        }
        return { programId, programName, tiers };
      } catch (error) {
        checks.fail(
          'programs',
          `${name}: GET /v3/tiers: ${messageOf(error)}; tier-sync dead-letters every command that needs this ` +
            'tier map (SYNC_TARGET=event, events without tier names)',
        );
        return { programId, programName };
      }
    }),
  );
}

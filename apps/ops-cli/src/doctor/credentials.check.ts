import { isCapillaryApiError, type OrganizationProgram } from '@tiersync/capillary-client';
import { type CheckList, messageOf } from './check-list';
import { type DoctorClient } from './doctor-client';
import { type RequestLog } from './request-log';

const PROGRAMS = 'GET /v2/organization/programs';
const TOKEN = '/v3/oauth/token/generate';
const SCHEMES = {
  basic: 'basic auth (CAPILLARY_USERNAME, CAPILLARY_PASSWORD sent md5-hashed as Capillary asks)',
  oauth: 'oauth (CAPILLARY_OAUTH_KEY, CAPILLARY_OAUTH_SECRET)',
} as const;

/** The first authenticated read; undefined when it failed (the programs step then says why, if it was not
 * the credentials). */
export async function checkCredentials(
  client: Pick<DoctorClient, 'getOrganizationPrograms'>,
  auth: 'basic' | 'oauth',
  log: RequestLog,
  checks: CheckList,
): Promise<OrganizationProgram[] | undefined> {
  const scheme = SCHEMES[auth];
  try {
    const programs = await client.getOrganizationPrograms();
    checks.ok('credentials', `${scheme}: ${tokenNote(auth, log)}${PROGRAMS} answered`);
    return programs;
  } catch (error) {
    const token = log.answered('POST', TOKEN);
    if (auth === 'oauth' && token?.outcome !== 'ok') {
      checks.fail('credentials', `${scheme} refused: ${messageOf(error)}`);
    } else if (isCapillaryApiError(error) && (error.kind === 'network' || error.kind === 'timeout')) {
      checks.fail('credentials', `cannot reach CAPILLARY_BASE_URL: ${messageOf(error)}`);
    } else if (isCapillaryApiError(error) && (error.status === 401 || error.status === 403)) {
      checks.fail('credentials', `${scheme} refused: ${messageOf(error)}`);
    } else if (log.answered('GET', '/v2/organization/programs')?.outcome === 'ok') {
      // Accepted, but the answer did not read as the documented programs list.
      checks.ok('credentials', `${scheme}: ${tokenNote(auth, log)}${PROGRAMS} answered`);
      checks.fail('programs', `${PROGRAMS}: ${messageOf(error)}`);
    } else {
      checks.fail('credentials', `${scheme}: not checked, ${PROGRAMS} failed: ${messageOf(error)}`);
    }
    return undefined;
  }
}

function tokenNote(auth: 'basic' | 'oauth', log: RequestLog): string {
  return auth === 'oauth' && log.answered('POST', TOKEN)?.outcome === 'ok'
    ? `POST ${TOKEN} issued a token, `
    : '';
}

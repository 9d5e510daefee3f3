import { CheckList } from './check-list';
import { checkCredentials } from './credentials.check';
import { type DoctorClient } from './doctor-client';
import { type DoctorReport, verdictOf } from './doctor.report';
import { locateGroup, type LocationDeps } from './group-location.check';
import { checkMembership } from './membership.check';
import { checkPrograms } from './programs.check';
import { checkQuota } from './quota.check';
import { type RequestLog } from './request-log';

export interface DoctorOptions {
  customerId: number;
  groupId?: number;
  programId?: number;
  auth: 'basic' | 'oauth';
  rateLimitPerMinute: number;
}

export interface DoctorDeps {
  client: DoctorClient;
  searchLookup: LocationDeps['searchLookup'];
  log: RequestLog;
}

/** Read-only: every step only reads; a step whose input failed is not run. */
export async function runDoctor(options: DoctorOptions, deps: DoctorDeps): Promise<DoctorReport> {
  const checks = new CheckList();
  const { client, log } = deps;
  let findings: Partial<DoctorReport> = {};
  const orgPrograms = await checkCredentials(client, options.auth, log, checks);
  if (orgPrograms) {
    const programs = await checkPrograms(client, orgPrograms, options.programId, checks);
    const group = await locateGroup(options.customerId, options.groupId, deps, checks);
    findings = { programs, groupId: group?.id };
    if (group) {
      findings = {
        ...findings,
        ...(await checkMembership(client, group, options.customerId, programs, checks)),
      };
    }
  }
  const quota = log.quota(options.rateLimitPerMinute);
  checkQuota(quota, checks);
  return {
    verdict: verdictOf(checks.checks),
    customerId: options.customerId,
    auth: options.auth,
    programs: [],
    ...findings,
    checks: checks.checks,
    quota,
  };
}

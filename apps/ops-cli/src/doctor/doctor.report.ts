import { type GroupMember, type GroupMembership } from '@tiersync/capillary-client';

export type Verdict = 'ok' | 'warn' | 'fail';

export const DOCTOR_STEPS = ['credentials', 'programs', 'group', 'members', 'quota'] as const;
export type DoctorStep = (typeof DOCTOR_STEPS)[number];

export interface DoctorCheck {
  step: DoctorStep;
  verdict: Verdict;
  message: string;
}

export interface ProgramReport {
  programId: number;
  programName: string;
  /** LIVE tiers of GET /v3/tiers, by serial number; undefined when that read failed. */
  tiers?: { serialNumber: number; name: string }[];
}

/** One member as tier-sync reads it; `tiers` holds "<name> (<number>)" per program id, null = no tier. */
export interface MemberReading {
  customerId: number;
  primaryMember: boolean;
  active: boolean;
  tierSync: 'primary' | 'synced' | 'skipped: exited the group' | 'not the active primary';
  tiers: Record<number, string | null>;
}

export interface QuotaReport {
  requests: number;
  byEndpoint: Record<string, number>;
  throttled: number;
  /** Retry-After of each 429 in ms; null where the 429 carried none. */
  retryAfterMs: (number | null)[];
  rateLimitPerMinute: number;
}

export interface DoctorReport {
  verdict: Verdict;
  customerId: number;
  auth: 'basic' | 'oauth';
  groupId?: number;
  checks: DoctorCheck[];
  programs: ProgramReport[];
  /** The raw `fleetGroupUsers` rows of GET /v2/userGroup2?id=. */
  groupRows?: GroupMembership[];
  /** The raw rows of GET /v2/userGroup2/members, present only when tier-sync would read them. */
  membersList?: GroupMember[];
  reading?: MemberReading[];
  quota: QuotaReport;
}

export function verdictOf(checks: readonly DoctorCheck[]): Verdict {
  if (checks.some((c) => c.verdict === 'fail')) {
    return 'fail';
  }
  return checks.some((c) => c.verdict === 'warn') ? 'warn' : 'ok';
}

import {
  CapillaryApiError,
  type CustomerPartnerUpdate,
  type CustomerProgramTier,
  type GroupMember,
  type ManualSlabAdjustmentRequest,
  type ManualSlabAdjustmentResponse,
  type OrganizationProgram,
  type PartnerUpdateResult,
  type ProgramTier,
  type UserGroup,
} from '@tiersync/capillary-client';
import { type CapillaryApi } from '../src/capillary/capillary.api';

export const PROGRAM_ID = 973;
export const TIER_NAMES = ['', 'Silver', 'Gold', 'Platinum'];
export const PARTNER_PROGRAM = 'Apparel-Partner';

export interface FakeCall {
  method: keyof CapillaryApi;
  id: number;
  body?: unknown;
}

/** Scripted failures per call: `fail('manualSlabAdjustment', 12, error)` throws once for customer 12; calls
 * without an id, such as getOrganizationPrograms, use id 0. */
export class FakeCapillary implements CapillaryApi {
  readonly tiers = new Map<number, number>();
  readonly expiry = new Map<number, string>();
  readonly groups = new Map<number, { primary: number; members: { id: number; active: boolean }[] }>();
  readonly calls: FakeCall[] = [];
  private readonly failures = new Map<string, unknown[]>();

  group(
    groupId: number,
    primary: number,
    members: { id: number; tier: number; active?: boolean }[],
    primaryTier: number,
  ): this {
    this.tiers.set(primary, primaryTier);
    members.forEach((m) => this.tiers.set(m.id, m.tier));
    this.groups.set(groupId, {
      primary,
      members: members.map((m) => ({ id: m.id, active: m.active ?? true })),
    });
    return this;
  }

  fail(method: keyof CapillaryApi, id: number, ...errors: unknown[]): this {
    this.failures.set(`${method}:${id}`, [...(this.failures.get(`${method}:${id}`) ?? []), ...errors]);
    return this;
  }

  callsOf(method: keyof CapillaryApi): FakeCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  findGroupLedBy(customerId: number): Promise<UserGroup | null> {
    return this.record('findGroupLedBy', customerId, () => {
      const found = [...this.groups.entries()].find(([, g]) => g.primary === customerId);
      return found ? this.userGroup(found[0]) : null;
    });
  }

  getGroup(groupId: number): Promise<UserGroup> {
    return this.record('getGroup', groupId, () => this.userGroup(groupId));
  }

  getGroupMembers(groupId: number): Promise<GroupMember[]> {
    return this.record('getGroupMembers', groupId, () => {
      const group = this.requireGroup(groupId);
      return [
        { customerId: group.primary, role: 'PRIMARY', primaryMember: true, inActive: true },
        ...group.members.map((m) => ({
          customerId: m.id,
          role: 'SECONDARY',
          primaryMember: false,
          inActive: m.active,
        })),
      ];
    });
  }

  getCustomerLoyalty(customerId: number): Promise<CustomerProgramTier[]> {
    return this.record('getCustomerLoyalty', customerId, () => {
      const tier = this.tiers.get(customerId);
      const expiry = this.expiry.get(customerId);
      return tier === undefined
        ? []
        : [
            {
              programId: PROGRAM_ID,
              currentSlab: TIER_NAMES[tier] ?? '?',
              slabSNo: tier,
              ...(expiry ? { slabExpiryDate: expiry } : {}),
            },
          ];
    });
  }

  getProgramTiers(programId: number): Promise<ProgramTier[]> {
    return this.record('getProgramTiers', programId, () =>
      TIER_NAMES.slice(1).map((name, i) => ({ programId, name, serialNumber: i + 1, status: 'LIVE' })),
    );
  }

  getOrganizationPrograms(): Promise<OrganizationProgram[]> {
    return this.record('getOrganizationPrograms', 0, () => [
      {
        programId: PROGRAM_ID,
        programName: 'DefaultProgram',
        isDefault: true,
        partnerPrograms: [
          {
            partnerProgramId: 101,
            partnerProgramName: PARTNER_PROGRAM,
            tierBased: true,
            tiers: TIER_NAMES.slice(1).map((tierName, i) => ({ tierNumber: i + 1, tierName })),
          },
        ],
      },
    ]);
  }

  manualSlabAdjustment(
    customerId: number,
    body: ManualSlabAdjustmentRequest,
  ): Promise<ManualSlabAdjustmentResponse> {
    return this.record(
      'manualSlabAdjustment',
      customerId,
      () => {
        const before = this.tiers.get(customerId) ?? 1;
        const after = body.toSlabName ? TIER_NAMES.indexOf(body.toSlabName) : before;
        if (body.slabAction === 'UPGRADE' && after <= before) {
          throw new CapillaryApiError('8925 target slab must be higher', {
            kind: 'api',
            status: 400,
            code: 8925,
            retryable: false,
          });
        }
        this.tiers.set(customerId, after);
        return {
          programId: body.programId,
          entityId: customerId,
          sideEffects: [
            {
              entityType: 'USER',
              previousSlabName: TIER_NAMES[before] ?? '?',
              previousSlabNumber: before,
              upgradedSlabName: TIER_NAMES[after] ?? '?',
              upgradedSlabNumber: after,
              slabExpiryDate: '30th Nov, 2026',
              type: 'slab',
            },
          ],
          warnings: [],
        };
      },
      body,
    );
  }

  updatePartnerPrograms(updates: CustomerPartnerUpdate[]): Promise<PartnerUpdateResult[]> {
    return this.record(
      'updatePartnerPrograms',
      updates.length,
      () =>
        updates.map((input) => {
          const error = this.takeFailure('updatePartnerPrograms', input.customer.id ?? 0);
          if (error instanceof CapillaryApiError && !error.retryable) {
            return {
              input,
              ok: false,
              customerId: input.customer.id,
              programs: [
                {
                  ok: false,
                  code: error.code,
                  message: error.message,
                  partnerProgramName: 'p',
                  updateType: 'UPGRADE',
                },
              ],
            };
          }
          if (error instanceof CapillaryApiError) {
            return { input, ok: false, programs: [], error };
          }
          return {
            input,
            ok: true,
            customerId: input.customer.id,
            programs: [{ ok: true, code: 200, partnerProgramName: 'p', updateType: 'UPGRADE' }],
          };
        }),
      updates,
    );
  }

  private userGroup(groupId: number): UserGroup {
    const group = this.requireGroup(groupId);
    return {
      id: groupId,
      groupName: `g${groupId}`,
      groupStatus: 'ACTIVE',
      primaryUserId: group.primary,
      members: [
        { userId: group.primary, primaryMember: true, active: true, defaultGroup: true },
        ...group.members.map((m) => ({
          userId: m.id,
          primaryMember: false,
          active: m.active,
          defaultGroup: true,
        })),
      ],
      pointsSummaries: [],
    };
  }

  private requireGroup(groupId: number) {
    const group = this.groups.get(groupId);
    if (!group) {
      throw new CapillaryApiError('1619 invalid group', {
        kind: 'api',
        status: 400,
        code: 1619,
        retryable: false,
      });
    }
    return group;
  }

  private takeFailure(method: keyof CapillaryApi, id: number): unknown {
    return this.failures.get(`${method}:${id}`)?.shift();
  }

  private async record<T>(method: keyof CapillaryApi, id: number, run: () => T, body?: unknown): Promise<T> {
    this.calls.push({ method, id, ...(body === undefined ? {} : { body }) });
    await Promise.resolve();
    const failure = method === 'updatePartnerPrograms' ? undefined : this.takeFailure(method, id);
    if (failure !== undefined) {
      throw failure as Error;
    }
    return run();
  }
}

export const unavailable = (retryAfterMs?: number) =>
  new CapillaryApiError('503 Service Unavailable', {
    kind: 'http',
    status: 503,
    retryable: true,
    retryAfterMs,
  });
export const permanent = (code: number) =>
  new CapillaryApiError(`${code} refused`, { kind: 'api', status: 400, code, retryable: false });

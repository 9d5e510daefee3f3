import { type RateLimitState } from './adaptive-rate-limit';
import { CapillaryApiError } from './capillary-api.error';
import { CapillaryHttp } from './capillary-http';
import { type CapillaryClientOptions, type CapillaryRequestEvent } from './client-options';
import { GroupLocator } from './group-locator';
import { parseCustomerLoyalty, parseProgramTiers } from './loyalty.parser';
import { type CustomerProgramTier, type ProgramTier } from './loyalty.types';
import { parseOrganizationPrograms } from './organization-programs.parser';
import { type OrganizationProgram } from './organization-programs.types';
import { parseBatchResults } from './partner-batch.parser';
import { chunk, failedBatch, PARTNER_BATCH_LIMIT, validatePartnerUpdates } from './partner-program.batch';
import { type CustomerPartnerUpdate, type PartnerUpdateResult } from './partner-program.types';
import { parseSlabAdjustment } from './slab-adjustment.parser';
import {
  type CapillarySource,
  type ManualSlabAdjustmentOptions,
  type ManualSlabAdjustmentRequest,
  type ManualSlabAdjustmentResponse,
} from './slab-adjustment.types';
import { validateSlabAdjustment } from './slab-adjustment.validation';
import { parseMembersPage, parseSearchPage, parseUserGroup } from './user-group.parser';
import { type GroupMember, type GroupSearchPage, type UserGroup } from './user-group.types';

const MAX_MEMBER_PAGES = 1000;

/** Never retries (except one token renewal on 401): the retry policy belongs to the caller. */
export class CapillaryClient {
  private readonly http: CapillaryHttp;
  private readonly source: CapillarySource;
  private readonly membersPageSize: number;
  private readonly locator: GroupLocator;

  constructor(options: CapillaryClientOptions) {
    this.http = new CapillaryHttp(options);
    this.source = options.source ?? 'INSTORE';
    this.membersPageSize = options.membersPageSize ?? 50;
    this.locator = new GroupLocator(this.http, this.source, options.groupLookup ?? 'auto', options.logger);
  }

  get rateLimit(): RateLimitState {
    return this.http.rateLimit;
  }

  /** One listener, called after every HTTP exchange (for metrics); it must not throw. */
  observeRequests(listener: (event: CapillaryRequestEvent) => void): void {
    this.http.observeRequests(listener);
  }

  close(): void {
    this.http.close();
  }

  async manualSlabAdjustment(
    customerId: number,
    body: ManualSlabAdjustmentRequest,
    opts: ManualSlabAdjustmentOptions = {},
  ): Promise<ManualSlabAdjustmentResponse> {
    validateSlabAdjustment(body);
    const identifierName = opts.identifierName ?? 'id';
    const identifierValue = opts.identifierValue ?? String(customerId);
    if (identifierName === 'id' && !/^\d+$/.test(identifierValue)) {
      throw CapillaryApiError.validation(`identifierValue must be numeric when identifierName=id`);
    }
    const response = await this.http.call({
      method: 'POST',
      path: '/v2/slab/manualSlabAdjustment',
      query: { source: this.source, identifierName, identifierValue, type: opts.type },
      body,
    });
    return parseSlabAdjustment(response);
  }

  async getGroup(groupId: number): Promise<UserGroup> {
    return parseUserGroup(
      await this.http.call({ method: 'GET', path: '/v2/userGroup2', query: { id: groupId } }),
    );
  }

  findGroupLedBy(customerId: number): Promise<UserGroup | null> {
    return this.locator.findGroupLedBy(customerId);
  }

  /** Why `findGroupLedBy` (mode `auto`) searches instead of asking by primaryUserId, if it does. */
  get primaryLookupRejection(): CapillaryApiError | undefined {
    return this.locator.primaryLookupRejection;
  }

  /** Its `inActive` is contested: prefer `getGroup`'s rows and cross-check this one against them. */
  async getGroupMembers(groupId: number): Promise<GroupMember[]> {
    const members = new Map<number, GroupMember>();
    let offset = 0;
    for (let page = 0; page < MAX_MEMBER_PAGES; page++) {
      const { members: rows, total } = parseMembersPage(
        await this.http.call({
          method: 'GET',
          path: '/v2/userGroup2/members',
          query: {
            source: this.source,
            identifierName: 'id',
            identifierValue: groupId,
            paginationDetails: true,
            limit: this.membersPageSize,
            offset,
            sortBy: 'IS_PRIMARY',
            sortOrder: 'DESC',
          },
        }),
      );
      // A member seen twice (the list moved between pages) keeps its first row.
      rows.forEach((m) => members.has(m.customerId) || members.set(m.customerId, m));
      offset += rows.length;
      const done = total === undefined ? rows.length < this.membersPageSize : offset >= total;
      if (rows.length === 0 || done) {
        return [...members.values()];
      }
    }
    throw new CapillaryApiError(`members of group ${groupId} exceed ${MAX_MEMBER_PAGES} pages`, {
      kind: 'api',
      retryable: false,
    });
  }

  async searchGroups(q: string, page: { offset: number; limit: number }): Promise<GroupSearchPage> {
    const body = await this.http.call({
      method: 'GET',
      path: '/v2/userGroup2/search',
      query: { q, offset: page.offset, limit: page.limit },
    });
    return parseSearchPage(body, page);
  }

  async getCustomerLoyalty(customerId: number): Promise<CustomerProgramTier[]> {
    const body = await this.http.call({
      method: 'GET',
      path: `/v2/customers/${customerId}`,
      query: { source: this.source, embed: 'mlp' },
    });
    return parseCustomerLoyalty(body);
  }

  async getProgramTiers(programId: number): Promise<ProgramTier[]> {
    const body = await this.http.call({ method: 'GET', path: '/v3/tiers', query: { programId } });
    return parseProgramTiers(body, programId);
  }

  async getOrganizationPrograms(): Promise<OrganizationProgram[]> {
    const body = await this.http.call({ method: 'GET', path: '/v2/organization/programs' });
    return parseOrganizationPrograms(body);
  }

  /** A batch that fails as a whole marks its customers with `error` instead of failing the others. */
  async updatePartnerPrograms(updates: CustomerPartnerUpdate[]): Promise<PartnerUpdateResult[]> {
    validatePartnerUpdates(updates);
    const batches = chunk(updates, PARTNER_BATCH_LIMIT);
    const results = await Promise.all(
      batches.map(async (batch) => {
        try {
          const body = await this.http.call({
            method: 'POST',
            path: '/v2/partnerProgram/customerPartnerProgramUpdate',
            body: { customersPartnerUpdates: batch },
          });
          return parseBatchResults(body, batch);
        } catch (error) {
          if (error instanceof CapillaryApiError) {
            return failedBatch(batch, error);
          }
          throw error;
        }
      }),
    );
    return results.flat();
  }
}

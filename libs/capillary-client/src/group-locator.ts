import { CapillaryApiError } from './capillary-api.error';
import { type CapillaryHttp } from './capillary-http';
import { type CapillaryLogger } from './client-options';
import { parseCustomerIdentifiers } from './loyalty.parser';
import { type CustomerIdentifiers } from './loyalty.types';
import { parseSearchPage, parseUserGroup } from './user-group.parser';
import { type UserGroup } from './user-group.types';

/** "Group id/externalId/primary userId {x} passed is not valid": no such group. */
const NOT_VALID_GROUP_LOCATOR = 1632;
const CUSTOMER_NOT_FOUND = 8015;
const SEARCH_PAGE = 20;
const MAX_SEARCH_PAGES = 5;

/** Capillary documents no "groups of a customer" call: ?primaryUserId= is an inference (docs/architecture.md,
 * API fact 11). If rejected, search by the customer's contact details, which search matches to the PRIMARY. */
export class GroupLocator {
  private rejection?: CapillaryApiError;

  constructor(
    private readonly http: CapillaryHttp,
    private readonly source: string,
    private readonly mode: 'auto' | 'primaryUserId' | 'search',
    private readonly logger?: CapillaryLogger,
  ) {}

  /** The answer that made `auto` switch to search for good, if one did. */
  get primaryLookupRejection(): CapillaryApiError | undefined {
    return this.rejection;
  }

  async findGroupLedBy(customerId: number): Promise<UserGroup | null> {
    if (this.mode === 'search' || this.rejection) {
      return this.viaSearch(customerId);
    }
    try {
      const body = await this.http.call({
        method: 'GET',
        path: '/v2/userGroup2',
        query: { primaryUserId: customerId },
      });
      return ledBy(parseUserGroup(body), customerId);
    } catch (error) {
      if (error instanceof CapillaryApiError && error.code === NOT_VALID_GROUP_LOCATOR) {
        return null;
      }
      if (this.mode === 'auto' && isRejection(error)) {
        this.rejection = error;
        this.logger?.warn('primaryUserId group lookup rejected; using customer search from now on', {
          status: error.status,
          code: error.code,
        });
        return this.viaSearch(customerId);
      }
      throw error;
    }
  }

  private async viaSearch(customerId: number): Promise<UserGroup | null> {
    const customer = await this.identifiers(customerId);
    for (const q of [customer?.mobile, customer?.email]) {
      const groupId = q ? await this.searchPrimary(q, customerId) : undefined;
      if (groupId !== undefined) {
        const body = await this.http.call({ method: 'GET', path: '/v2/userGroup2', query: { id: groupId } });
        return ledBy(parseUserGroup(body), customerId);
      }
    }
    return null;
  }

  private async identifiers(customerId: number): Promise<CustomerIdentifiers | undefined> {
    try {
      const body = await this.http.call({
        method: 'GET',
        path: `/v2/customers/${customerId}`,
        query: { source: this.source },
      });
      return parseCustomerIdentifiers(body);
    } catch (error) {
      if (error instanceof CapillaryApiError && error.code === CUSTOMER_NOT_FOUND) {
        return undefined;
      }
      throw error;
    }
  }

  private async searchPrimary(q: string, customerId: number): Promise<number | undefined> {
    for (let page = 0; page < MAX_SEARCH_PAGES; page++) {
      const requested = { offset: page * SEARCH_PAGE, limit: SEARCH_PAGE };
      const body = await this.http.call({
        method: 'GET',
        path: '/v2/userGroup2/search',
        query: { q, ...requested },
      });
      const result = parseSearchPage(body, requested);
      const hit = result.groups.find((g) => g.primaryMemberId === customerId);
      if (hit) {
        return hit.groupId;
      }
      if (result.groups.length < SEARCH_PAGE || requested.offset + result.groups.length >= result.total) {
        return undefined;
      }
    }
    return undefined;
  }
}

function ledBy(group: UserGroup, customerId: number): UserGroup | null {
  return group.members.some((m) => m.userId === customerId && m.primaryMember && m.active) ? group : null;
}

function isRejection(error: unknown): error is CapillaryApiError {
  return (
    error instanceof CapillaryApiError &&
    !error.retryable &&
    error.status !== undefined &&
    error.status >= 400 &&
    error.status < 500 &&
    error.status !== 401
  );
}

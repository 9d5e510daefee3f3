import { type UserGroup } from '@tiersync/capillary-client';
import { type CheckList, messageOf } from './check-list';
import { type DoctorClient } from './doctor-client';

export interface LocationDeps {
  client: Pick<DoctorClient, 'findGroupLedBy' | 'getGroup' | 'primaryLookupRejection'>;
  /** The lookup of CAPILLARY_GROUP_LOOKUP=search, tried only to explain a contradiction. */
  searchLookup: (customerId: number) => Promise<UserGroup | null>;
}

const LOOKUP = 'GET /v2/userGroup2?primaryUserId=';

/**
 * Locates the customer's group as tier-sync's router does (`findGroupLedBy`, CAPILLARY_GROUP_LOOKUP=auto)
 * and reads it by id; the two answers must agree. Returns the group read by id.
 */
export async function locateGroup(
  customerId: number,
  groupId: number | undefined,
  { client, searchLookup }: LocationDeps,
  checks: CheckList,
): Promise<UserGroup | undefined> {
  let led: UserGroup | null;
  try {
    led = await client.findGroupLedBy(customerId);
  } catch (error) {
    checks.fail('group', `group lookup for customer ${customerId} failed: ${messageOf(error)}`);
    return undefined;
  }
  const rejection = client.primaryLookupRejection;
  const how = rejection ? 'the group search' : `${LOOKUP}${customerId}`;
  if (rejection) {
    checks.warn(
      'group',
      `${LOOKUP}${customerId} was refused (HTTP ${String(rejection.status)}, code ${String(rejection.code)}): ` +
        "tier-sync's lookup (CAPILLARY_GROUP_LOOKUP=auto) searches by the customer's mobile and email instead " +
        '(GET /v2/customers/{id}, GET /v2/userGroup2/search)',
    );
  }
  if (led) {
    checks.ok('group', `${how} finds group ${led.id} "${led.groupName}" led by customer ${customerId}`);
  }
  const id = groupId ?? led?.id;
  if (id === undefined) {
    checks.fail(
      'group',
      `${how} finds no group customer ${customerId} leads, so tier-sync ignores their tier events` +
        (rejection
          ? ': give --group <id> to check the group by id'
          : '; a server refusing the lookup with 1632 answers the same: give --group <id> to tell the two apart'),
    );
    return undefined;
  }
  let byId: UserGroup;
  try {
    byId = await client.getGroup(id);
  } catch (error) {
    checks.fail('group', `GET /v2/userGroup2?id=${id}: ${messageOf(error)}`);
    return undefined;
  }
  const primary = byId.primaryUserId;
  const leads = primary === customerId;
  if (byId.groupStatus !== 'ACTIVE') {
    checks.warn('group', `group ${id} is ${byId.groupStatus}`);
  }
  if (led && led.id !== id) {
    checks.fail(
      'group',
      `${how} finds group ${led.id} for customer ${customerId}, --group names ${id}: a customer leads one group ` +
        'at most (docs/architecture.md, API fact 13), so one of the answers is wrong',
    );
  } else if (!leads) {
    const actual = primary === undefined ? 'it has no active primary' : `its active primary is ${primary}`;
    checks.fail(
      'group',
      `GET /v2/userGroup2?id=${id} does not show customer ${customerId} as its active primary (${actual})` +
        (led
          ? `, yet ${how} returned it: the two reads contradict each other`
          : ': tier-sync ignores their tier events'),
    );
  } else if (!led) {
    checks.fail(
      'group',
      rejection ? searchMissed(customerId, id) : await contradiction(customerId, id, searchLookup),
    );
  } else {
    checks.ok('group', `GET /v2/userGroup2?id=${id} agrees: customer ${customerId} is its active primary`);
  }
  return byId;
}

function searchMissed(customerId: number, groupId: number): string {
  return (
    `the group search finds no group for customer ${customerId} but GET /v2/userGroup2?id=${groupId} shows them ` +
    "as its active primary: the search matches the primary's mobile and email, so check those of the customer; " +
    'until then tier-sync syncs the group only once it has seen the customer as its primary'
  );
}

async function contradiction(
  customerId: number,
  groupId: number,
  searchLookup: LocationDeps['searchLookup'],
): Promise<string> {
  const found = await searchLookup(customerId).then(
    (group) => (group?.id === groupId ? 'finds it' : `finds ${group ? `group ${group.id}` : 'no group'}`),
    (error: unknown) => `failed: ${messageOf(error)}`,
  );
  return (
    `${LOOKUP}${customerId} finds no group (1632) but GET /v2/userGroup2?id=${groupId} shows customer ` +
    `${customerId} as its active primary: this server does not locate groups by primaryUserId. tier-sync syncs ` +
    `the group only once it has seen the customer as its primary (a groupMemberAdded event, a sync), and counts ` +
    `tiersync_capillary_contradictions_total{check="primary_lookup"}; the group search ` +
    `(CAPILLARY_GROUP_LOOKUP=search for tier-sync) ${found}`
  );
}

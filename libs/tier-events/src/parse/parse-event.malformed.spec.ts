import { violationsOf } from '../../test/violations-of';
import { capillarySamples } from '../samples/capillary.samples';
import { parseEvent } from './parse-event';

type Sample = keyof typeof capillarySamples;
type Case = [label: string, raw: unknown, path: string, message: string];
const DELETE = Symbol('delete');

/** A fresh sample with the value at a dotted path replaced (or deleted). */
function withValue(sample: Sample, path: string, value: unknown): Record<string, unknown> {
  const raw = capillarySamples[sample]();
  const keys = path.split('.');
  const last = keys.pop() ?? '';
  let node: Record<string, unknown> = raw;
  for (const key of keys) {
    node = node[key] as Record<string, unknown>;
  }
  if (value === DELETE) {
    Reflect.deleteProperty(node, last);
  } else {
    node[last] = value;
  }
  return raw;
}

/** One row: `sample` with `value` at `path` must fail at `path` (or at `reportedPath`) with `message`. */
function bad(sample: Sample, path: string, value: unknown, message: string, reportedPath = path): Case {
  const shown = value === DELETE ? 'missing' : JSON.stringify(value);
  return [`${sample} ${path} = ${shown}`, withValue(sample, path, value), reportedPath, message];
}

const ID = 'must be a positive integer id';
const INT = 'must be an integer';
const TIERS = 'data.loyaltyProgramDetails.tiers';

const CASES: Case[] = [
  ['null body', null, '(root)', 'must be an object'],
  ['array body', [], '(root)', 'must be an object'],
  ['string body', 'tierUpgraded', '(root)', 'must be an object'],
  ['number body', 42, '(root)', 'must be an object'],
  bad('tierUpgraded', 'eventId', '', 'must not be empty'),
  bad('tierUpgraded', 'eventId', '  ', 'must not be empty'),
  bad('tierUpgraded', 'eventId', DELETE, 'is required'),
  bad('tierUpgraded', 'eventId', 123, 'must be a string'),
  bad('tierUpgraded', 'eventName', DELETE, 'is required'),
  bad('tierUpgraded', 'eventName', '', 'must not be empty'),
  bad('tierUpgraded', 'data', DELETE, 'is required'),
  bad('tierRenewed', 'data', null, 'is required'),
  bad('tierUpgraded', 'data', 'x', 'must be an object'),
  bad('groupMemberAdded', 'data', [{ groupId: 1 }], 'must be an object'),
  bad('tierUpgraded', 'createdAt', 'yesterday', INT),
  bad('tierUpgraded', 'createdAt', -1, 'must be at least 0'),
  bad('tierUpgraded', 'data.customerIdentifiers', DELETE, 'is required'),
  bad('tierDowngraded', 'data.customerIdentifiers.customerId', DELETE, 'is required'),
  ...['abc', 0, -5, 12.5, '379499720.5', 2 ** 53, true].map((value) =>
    bad('tierRenewed', 'data.customerIdentifiers.customerId', value, ID),
  ),
  bad('tierUpgraded', 'data.upgradedTierNumber', 2.5, INT),
  bad('tierUpgraded', 'data.upgradedTierNumber', 'Gold', INT),
  bad('tierUpgraded', 'data.upgradedTierNumber', 0, 'must be at least 1'),
  bad('tierUpgraded', 'data.upgradedTierNumber', DELETE, 'is required'),
  bad('tierDowngraded', 'data.downgradedTierNumber', 1.5, INT),
  bad('tierRenewed', 'data.currentTierNumber', null, 'is required'),
  bad('tierUpgraded', 'data.previousTierNumber', 'one', INT),
  bad('tierUpgraded', 'data.loyaltyProgramId', DELETE, 'is required'),
  bad('tierUpgraded', 'data.loyaltyProgramDetails', 'DefaultProgram', 'must be an object'),
  bad('tierUpgraded', TIERS, {}, 'must be an array'),
  bad('tierUpgraded', TIERS, [3], 'must be an object', `${TIERS}[0]`),
  bad('tierUpgraded', `${TIERS}.1.tierNumber`, 1.5, INT, `${TIERS}[1].tierNumber`),
  bad('tierUpgraded', `${TIERS}.0.tierName`, 7, 'must be a string', `${TIERS}[0].tierName`),
  bad('tierUpgraded', 'data.tierExpiryDate', 20250101, 'must be a string'),
  bad('tierUpgraded', 'data.entityInformation.entityType', 1, 'must be a string'),
  bad('partnerProgramUpdated', 'data.partnerProgramName', 5, 'must be a string'),
  bad('groupMemberAdded', 'data.groupId', DELETE, 'is required'),
  bad('groupMemberRemoved', 'data.groupId', 'Family1', ID),
  bad('groupMemberAdded', 'data.memberAdded', DELETE, 'is required'),
  bad('groupMemberAdded', 'data.memberAdded.customerIdentifiers.customerId', DELETE, 'is required'),
  bad('groupMemberRemoved', 'data.memberRemoved.customerIdentifiers', DELETE, 'is required'),
  bad('groupMemberAdded', 'data.primaryMember.customerIdentifiers.customerId', 'x', ID),
  bad('partnerProgramUpdated', 'data.customerIdentifiers.customerId', DELETE, 'is required'),
  bad('partnerProgramUpdated', 'data.customerPartnerProgramDetails.partnerTierNumber', 2.5, INT),
  [
    'a bad field inside the legacy body wrapper',
    { body: withValue('tierRenewed', 'data.currentTierNumber', 'Gold') },
    'data.currentTierNumber',
    INT,
  ],
];

describe(parseEvent.name, () => {
  it('has a broad table of malformed bodies', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES)('rejects %s with exactly that violation', (_label, raw, path, message) => {
    expect(violationsOf(() => parseEvent(raw))).toEqual([{ path, message }]);
  });

  it('rejects array data on an unhandled event too', () => {
    const raw = withValue('tierUpgraded', 'eventName', 'pointsIssued');
    raw['data'] = [];
    expect(violationsOf(() => parseEvent(raw))).toEqual([{ path: 'data', message: 'must be an object' }]);
  });

  it('reports every violation at once, sorted by path', () => {
    const raw = withValue('tierUpgraded', 'eventId', '');
    const data = raw['data'] as Record<string, unknown>;
    data['upgradedTierNumber'] = 1.5;
    data['customerIdentifiers'] = {};
    data['loyaltyProgramDetails'] = { tiers: [{ tierNumber: 'x', tierName: 'Gold' }] };
    expect(violationsOf(() => parseEvent(raw))).toEqual([
      { path: 'data.customerIdentifiers.customerId', message: 'is required' },
      { path: `${TIERS}[0].tierNumber`, message: INT },
      { path: 'data.upgradedTierNumber', message: INT },
      { path: 'eventId', message: 'must not be empty' },
    ]);
  });
});

import { capillarySamples } from '../samples/capillary.samples';

type Json = Record<string, unknown>;

function tierUpgradedWithActivity(activity: Json): Json {
  const event = capillarySamples.tierUpgraded();
  (event['data'] as Json)['triggeringActivity'] = activity;
  return event;
}

/** The payloads of issue 13: plausibly real, outside the documented types, in fields tiersync never reads. */
export const plausibleVariants: Readonly<Record<string, () => Json>> = {
  'enteredBy.id 0': () => tierUpgradedWithActivity({ name: 'TRANSACTION', enteredBy: { id: 0 } }),
  'enteredBy.id -1': () => tierUpgradedWithActivity({ name: 'TRANSACTION', enteredBy: { id: -1 } }),
  'numeric till.code': () =>
    tierUpgradedWithActivity({ enteredBy: { id: 15, till: { code: 1042, name: 'till.1' } } }),
  'boolean identifiers[].value': () =>
    tierUpgradedWithActivity({ identifiers: [{ key: 'isReturn', value: false }] }),
  'empty tierName in tiers': () => {
    const event = capillarySamples.tierUpgraded();
    const details = (event['data'] as Json)['loyaltyProgramDetails'] as Json;
    details['tiers'] = [
      { tierNumber: 1, tierName: '' },
      { tierNumber: 2, tierName: 'Gold' },
    ];
    return event;
  },
  'group event with enteredBy.id 0': () => {
    const event = capillarySamples.groupMemberAdded();
    (event['data'] as Json)['enteredBy'] = { id: 0, user: { username: 'system' } };
    return event;
  },
};

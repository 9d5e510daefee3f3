import { capillarySamples } from '@tiersync/tier-events';
import { randomUUID } from 'node:crypto';

type Json = Record<string, unknown>;

const fresh = (sample: Json): Json => ({ ...sample, eventId: randomUUID() });

export const webhookPayloads = {
  tierUpgraded: (customerId?: number): Json => fresh(capillarySamples.tierUpgraded(customerId)),
  groupMemberAdded: (groupId?: number): Json => fresh(capillarySamples.groupMemberAdded(groupId)),
  pointsIssued: (): Json => ({ ...fresh(capillarySamples.tierUpgraded()), eventName: 'pointsIssued' }),
};

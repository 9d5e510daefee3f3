import { capillarySamples } from '@tiersync/tier-events';
import { randomUUID } from 'node:crypto';

type Json = Record<string, unknown>;

/** The vendor-shaped samples of @tiersync/tier-events, each with a fresh eventId. */
const fresh = (sample: Json): Json => ({ ...sample, eventId: randomUUID() });

export const webhookPayloads = {
  tierUpgraded: (customerId?: number): Json => fresh(capillarySamples.tierUpgraded(customerId)),
  groupMemberAdded: (groupId?: number): Json => fresh(capillarySamples.groupMemberAdded(groupId)),
  /** A well-formed event of a name tiersync does not handle. */
  pointsIssued: (): Json => ({ ...fresh(capillarySamples.tierUpgraded()), eventName: 'pointsIssued' }),
};

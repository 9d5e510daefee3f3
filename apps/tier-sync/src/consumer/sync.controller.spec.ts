import { KeyedKafkaContext, type KeyedMessage } from '@tiersync/kafka';
import { capillarySamples, InvalidEventError, type ParsedEvent, topicNames } from '@tiersync/tier-events';
import { plausibleVariants } from '@tiersync/tier-events/testing';
import { type EventRouterService } from '../router/event-router.service';
import { type GroupCommandService } from '../sync/group-command.service';
import { SyncController } from './sync.controller';

/** As the ingress writes an event that failed the schema it had then: tier-sync reads the body, not the verdict. */
function schemaInvalidRecord(value: unknown): KeyedMessage {
  const buffer = Buffer.from(JSON.stringify(value));
  return {
    topic: topicNames('t.').webhookEvents,
    partition: 0,
    offset: '3',
    key: '347266498',
    headers: { eventId: 'ev-1', schema: 'invalid', schemaViolations: '[]' },
    value: buffer,
    timestamp: '0',
    notBefore: 0,
    signal: new AbortController().signal,
    json: () => JSON.parse(buffer.toString()) as unknown,
  };
}

describe(SyncController.name, () => {
  const setup = () => {
    const routed: ParsedEvent[] = [];
    const router = { route: (event: ParsedEvent) => Promise.resolve(void routed.push(event)) };
    const controller = new SyncController(
      {} as unknown as GroupCommandService,
      router as unknown as EventRouterService,
    );
    const deliver = (value: unknown) => {
      const message = schemaInvalidRecord(value);
      return controller.onWebhookEvent(message.json(), new KeyedKafkaContext([message]));
    };
    return { deliver, routed };
  };

  it.each(Object.entries(plausibleVariants))(
    'routes a schema=invalid record the tolerant parser reads: %s',
    async (_, variant) => {
      const { deliver, routed } = setup();
      await deliver(variant());
      expect(routed.map((event) => event.kind)).toEqual([String(variant()['eventName'])]);
    },
  );

  it('throws InvalidEventError for one it cannot read, which the failure handler quarantines', async () => {
    const { deliver, routed } = setup();
    const body = capillarySamples.tierUpgraded();
    (body['data'] as Record<string, unknown>)['upgradedTierNumber'] = 'Gold';
    await expect(deliver(body)).rejects.toBeInstanceOf(InvalidEventError);
    expect(routed).toEqual([]);
  });
});

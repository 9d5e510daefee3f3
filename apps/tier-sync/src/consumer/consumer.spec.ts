import { createKafka, type KeyedMessage } from '@tiersync/kafka';
import { type GroupSyncCommand, InvalidEventError, topicNames } from '@tiersync/tier-events';
import { CapturePublisher } from '../../test/capture-publisher';
import { testCommand } from '../../test/sync-fixtures';
import { ConsumerFailureHandler } from './consumer-failure.handler';
import { orderingKeyOf } from './consumer.options';
import { TopicRoleTransport } from './topic-role.transport';
import { UnreadableRecordKeeper } from './unreadable-record.keeper';

const REQUEUE_DELAY_MS = 60_000;

const topics = topicNames('t.');

function message(topic: string, value: unknown, key: string | null = '100'): KeyedMessage {
  const buffer = Buffer.from(JSON.stringify(value));
  return {
    topic,
    partition: 1,
    offset: '9',
    key,
    headers: { traceId: 'tr' },
    value: buffer,
    timestamp: '0',
    notBefore: 0,
    signal: new AbortController().signal,
    json: () => JSON.parse(buffer.toString()) as unknown,
  };
}

/** A command as it travels: plain JSON. */
function asSent(command: GroupSyncCommand): Record<string, unknown> {
  return JSON.parse(JSON.stringify(command)) as Record<string, unknown>;
}

/** expect.objectContaining, typed: jest's own is typed `any`. */
function objectContaining(expected: Record<string, unknown>): unknown {
  return expect.objectContaining(expected) as unknown;
}

describe(ConsumerFailureHandler.name, () => {
  /** `leaders` maps a customer to the group it leads; a customer mapped to an Error makes the lookup throw. */
  const setup = (now?: () => number, leaders: ReadonlyMap<number, number | Error> = new Map()) => {
    const publisher = new CapturePublisher();
    const counted: string[] = [];
    const looked: number[] = [];
    const metrics = {
      recordRoute: (d: string) => counted.push(d),
      recordConsumerDeadLetter: () => counted.push('dead-letter'),
      recordUnreadable: (topic: string) => counted.push(`unreadable ${topic}`),
    };
    const lookup = {
      lookup: (customerId: number) => {
        looked.push(customerId);
        const led = leaders.get(customerId);
        if (led instanceof Error) {
          return Promise.reject(led);
        }
        return Promise.resolve(
          led === undefined
            ? { groupId: null, resolution: 'no_group' as const, reason: 'leads no group', cached: false }
            : { groupId: led, resolution: 'group' as const, reason: 'leads the group', cached: false },
        );
      },
    };
    const config = { kafka: { topics, requeueDelayMs: REQUEUE_DELAY_MS } };
    const keeper = new UnreadableRecordKeeper(config, publisher, metrics, lookup, now);
    const handler = new ConsumerFailureHandler(config, publisher, metrics, keeper, now);
    return { publisher, counted, handler, looked };
  };

  it('dead-letters an unreadable tier event byte for byte, with a FAILED result for the group its customer leads', async () => {
    const { counted, handler, looked, publisher } = setup(() => 7_000, new Map([[566, 3918]]));
    const invalid = new InvalidEventError('webhook event', [{ path: 'data', message: 'must be an object' }]);
    const event = message(
      topics.webhookEvents,
      { eventName: 'tierUpgraded', eventId: 'ev-1', data: 1 },
      '566',
    );
    expect(await handler.onError(invalid, event, 1)).toBe('skip');
    expect(looked).toEqual([566]);
    expect(publisher.unreadable).toEqual([
      {
        key: '566',
        value: event.value,
        headers: {
          traceId: 'tr',
          reason: 'tier-sync could not read the event: invalid webhook event: data: must be an object',
          source: `${topics.webhookEvents}:1:9`,
          violations: JSON.stringify([{ path: 'data', message: 'must be an object' }]),
        },
      },
    ]);
    expect(publisher.results).toEqual([
      {
        value: objectContaining({
          kind: 'TIER_SYNC',
          groupId: 3918,
          primaryCustomerId: 566,
          trigger: { eventId: 'ev-1', eventName: 'tierUpgraded', action: 'UPGRADE', occurredAt: 7_000 },
          outcome: 'FAILED',
          reason: `tier-sync could not read the event: invalid webhook event: data: must be an object (${topics.webhookEvents}:1:9)`,
          members: [],
        }),
        headers: { traceId: 'tr' },
      },
    ]);
    expect(counted).toEqual(['invalid', `unreadable ${topics.webhookEvents}`]);
  });

  it('names the group of an unreadable membership event from its body, without a lookup', async () => {
    const { handler, looked, publisher } = setup();
    const body = { eventName: 'groupMemberAdded', data: { groupId: 77, memberId: 'x' } };
    const invalid = new InvalidEventError('webhook event', [{ path: 'data.memberId', message: 'bad' }]);
    expect(await handler.onError(invalid, message(topics.webhookEvents, body, '77'), 1)).toBe('skip');
    expect(looked).toEqual([]);
    expect(publisher.unreadable).toHaveLength(1);
    expect(publisher.results[0]?.value).toMatchObject({
      kind: 'JOIN_SYNC',
      groupId: 77,
      trigger: { action: 'JOIN' },
      outcome: 'FAILED',
    });
    expect(publisher.results[0]?.value.primaryCustomerId).toBeUndefined();
  });

  it('keeps an unreadable event about a customer who leads no group on the DLQ only, as an ignored one', async () => {
    const { counted, handler, looked, publisher } = setup();
    const garbage = { ...message(topics.webhookEvents, {}, '123'), value: Buffer.from('{not json') };
    expect(await handler.onError(new SyntaxError('Unexpected token n'), garbage, 1)).toBe('skip');
    expect(looked).toEqual([123]);
    expect(publisher.unreadable[0]).toMatchObject({ key: '123', value: Buffer.from('{not json') });
    expect(publisher.results).toHaveLength(0);
    expect(counted).toEqual(['invalid', `unreadable ${topics.webhookEvents}`]);
  });

  it('writes nothing for an unreadable event while its group cannot be looked up, so it is requeued whole', async () => {
    const down = new Error('Capillary down');
    const { handler, publisher } = setup(undefined, new Map([[566, down]]));
    const event = message(topics.webhookEvents, { eventName: 'tierUpgraded', data: 1 }, '566');
    const invalid = new InvalidEventError('webhook event', [{ path: 'data', message: 'must be an object' }]);
    await expect(handler.onError(invalid, event, 1)).rejects.toBe(down);
    expect(publisher.unreadable).toHaveLength(0);
    expect(publisher.results).toHaveLength(0);
  });

  it('dead-letters an unreadable command byte for byte, with a FAILED sync result, and counts it', async () => {
    const { counted, handler, publisher } = setup(() => 7_000);
    const command = testCommand();
    const unreadable = message(topics.groupCommandsRetry, { ...asSent(command), attempt: 'x' });
    const invalid = new InvalidEventError('GroupSyncCommand', [
      { path: 'attempt', message: 'must be an integer' },
    ]);
    expect(await handler.onError(invalid, unreadable, 1)).toBe('skip');
    expect(publisher.deadLettered).toHaveLength(0);
    expect(publisher.unreadable).toEqual([
      {
        key: '100',
        value: unreadable.value,
        headers: {
          traceId: 'tr',
          reason:
            'tier-sync could not read the command: invalid GroupSyncCommand: attempt: must be an integer',
          source: `${topics.groupCommandsRetry}:1:9`,
          violations: JSON.stringify([{ path: 'attempt', message: 'must be an integer' }]),
        },
      },
    ]);
    expect(publisher.results).toEqual([
      {
        value: objectContaining({
          commandId: command.commandId,
          kind: command.kind,
          groupId: command.groupId,
          primaryCustomerId: command.primaryCustomerId,
          outcome: 'FAILED',
          reason: `tier-sync could not read the command: invalid GroupSyncCommand: attempt: must be an integer (${topics.groupCommandsRetry}:1:9)`,
          members: [],
          finishedAt: 7_000,
        }),
        headers: { traceId: 'tr' },
      },
    ]);
    expect(counted).toEqual([`unreadable ${topics.groupCommandsRetry}`]);
  });

  it('dead-letters a command that is not even JSON, with a FAILED result for the group its key names', async () => {
    const { counted, handler, publisher } = setup();
    const garbage = { ...message(topics.groupCommands, {}, '42'), value: Buffer.from('{not json') };
    expect(await handler.onError(new SyntaxError('Unexpected token n'), garbage, 1)).toBe('skip');
    expect(publisher.unreadable[0]).toMatchObject({ key: '42', value: Buffer.from('{not json') });
    expect(publisher.results).toHaveLength(1);
    expect(publisher.results[0]?.value).toMatchObject({ groupId: 42, kind: 'RECONCILE', outcome: 'FAILED' });
    expect(publisher.results[0]?.value.primaryCustomerId).toBeUndefined();
    expect(counted).toEqual([`unreadable ${topics.groupCommands}`]);
  });

  it('keeps a keyless, non-JSON command on the DLQ and in the metric: no group to write a result for', async () => {
    const { counted, handler, publisher } = setup();
    const garbage = { ...message(topics.groupCommands, {}, 'not-a-group'), value: Buffer.from('{not json') };
    expect(await handler.onError(new SyntaxError('Unexpected token n'), garbage, 1)).toBe('skip');
    expect(publisher.unreadable).toHaveLength(1);
    expect(publisher.results).toHaveLength(0);
    expect(counted).toEqual([`unreadable ${topics.groupCommands}`]);
  });

  it('dead-letters an unreadable command the consumer gave up on like one it could not read', async () => {
    const { counted, handler, publisher } = setup();
    const command = testCommand();
    const unreadable = message(topics.groupCommands, { ...asSent(command), kind: 'BOGUS' });
    await handler.onDeadLetter(unreadable, 'error policy threw', new Error('x'));
    expect(publisher.deadLettered).toHaveLength(0);
    expect(publisher.unreadable).toHaveLength(1);
    expect(publisher.unreadable[0]?.headers['reason']).toContain('kind');
    expect(publisher.results[0]?.value).toMatchObject({
      groupId: command.groupId,
      primaryCustomerId: command.primaryCustomerId,
      kind: 'RECONCILE',
      outcome: 'FAILED',
    });
    expect(counted).toEqual(['dead-letter', `unreadable ${topics.groupCommands}`]);
  });

  it('retries everything else (a publish that failed), keeping the key blocked', async () => {
    const { handler } = setup();
    expect(
      await handler.onError(
        new Error('KafkaJSNumberOfRetriesExceeded'),
        message(topics.groupCommands, {}),
        3,
      ),
    ).toBe('retry');
  });

  it('dead-letters a command the consumer gave up on, with where it was read', async () => {
    const { counted, handler, publisher } = setup();
    const command = testCommand();
    await handler.onDeadLetter(
      message(topics.groupCommandsRetry, command),
      'max attempts',
      new Error('broker down'),
    );
    expect(publisher.deadLettered[0]?.value).toMatchObject({
      commandId: command.commandId,
      groupId: command.groupId,
      source: { topic: topics.groupCommandsRetry, partition: 1, offset: '9' },
      reason: { message: 'consumer gave up: max attempts: Error: broker down', retryable: true },
    });
    expect(publisher.deadLettered[0]?.headers).toEqual({ traceId: 'tr' });
    expect(publisher.results.map((r) => r.value)).toEqual([
      expect.objectContaining({
        commandId: command.commandId,
        groupId: command.groupId,
        outcome: 'FAILED',
        reason: 'consumer gave up: max attempts: Error: broker down',
        members: [],
      }),
    ]);
    expect(counted).toEqual(['dead-letter']);
  });

  it('puts a webhook event it gave up on back on its topic, delayed, naming where it was first read', async () => {
    const { counted, handler, publisher } = setup(() => 1_000);
    await handler.onDeadLetter(
      message(topics.webhookEvents, { eventId: 'e' }),
      'max attempts',
      new Error('Capillary down'),
    );
    expect(publisher.deadLettered).toHaveLength(0);
    expect(publisher.requeued).toEqual([
      {
        key: '100',
        value: Buffer.from(JSON.stringify({ eventId: 'e' })),
        headers: {
          traceId: 'tr',
          requeuedFrom: '1:9',
          requeueCount: '1',
          notBefore: String(1_000 + REQUEUE_DELAY_MS),
        },
      },
    ]);
    expect(counted).toEqual(['dead-letter']);
  });

  it('keeps the first position and counts the requeues when a requeued event is given up again', async () => {
    const { handler, publisher } = setup(() => 5_000);
    const first = message(topics.webhookEvents, { eventId: 'e' });
    const again = {
      ...first,
      headers: { ...first.headers, requeuedFrom: '0:3', requeueCount: '2', notBefore: '10' },
    };
    await handler.onDeadLetter(again, 'max attempts', new Error('Capillary down'));
    expect(publisher.requeued[0]?.headers).toMatchObject({
      requeuedFrom: '0:3',
      requeueCount: '3',
      notBefore: String(5_000 + REQUEUE_DELAY_MS),
    });
  });
});

describe('consumer wiring', () => {
  it('orders both command topics by group, and webhook events per customer and partition', () => {
    const key = orderingKeyOf(topics);
    expect(key(message(topics.groupCommands, {}, '7'))).toBe('group:7');
    expect(key(message(topics.groupCommandsRetry, {}, '7'))).toBe('group:7');
    expect(key(message(topics.webhookEvents, {}, '7'))).toBe(`${topics.webhookEvents}:1:7`);
    expect(key(message(topics.webhookEvents, {}, null))).toBeNull();
  });

  it('maps prefixed topic names back to the role patterns of the handlers', () => {
    const transport = new TopicRoleTransport(
      {
        kafka: createKafka({ brokers: ['127.0.0.1:1'], clientId: 'unit' }),
        groupId: 'g',
        onDeadLetter: () => Promise.resolve(),
      },
      topics,
      ['webhookEvents', 'groupCommands'],
    );
    const handler = Object.assign(() => Promise.resolve(), { isEventHandler: true });
    transport.addHandler('groupCommands', handler, true);
    expect(transport.getHandlerByPattern(topics.groupCommands)).toBe(handler);
    expect(transport.getHandlerByPattern(topics.webhookEvents)).toBeNull();
  });
});

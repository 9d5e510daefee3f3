import { createKafka, type KeyedMessage } from '@tiersync/kafka';
import { InvalidEventError, topicNames } from '@tiersync/tier-events';
import { CapturePublisher } from '../../test/capture-publisher';
import { testCommand } from '../../test/sync-fixtures';
import { CoalescingPublisher } from './coalescing.publisher';
import { ConsumerFailureHandler } from './consumer-failure.handler';
import { orderingKeyOf } from './consumer.options';
import { SyncPublisher } from './sync.publisher';
import { TopicRoleTransport } from './topic-role.transport';

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

describe(ConsumerFailureHandler.name, () => {
  const setup = (now?: () => number) => {
    const publisher = new CapturePublisher();
    const counted: string[] = [];
    const metrics = {
      recordRoute: (d: string) => counted.push(d),
      recordConsumerDeadLetter: () => counted.push('dead-letter'),
    };
    const handler = new ConsumerFailureHandler(topics, publisher, metrics, REQUEUE_DELAY_MS, now);
    return { publisher, counted, handler };
  };

  it('skips what can never be read, keeping an unreadable webhook event on the rejected topic', async () => {
    const { counted, handler, publisher } = setup();
    const invalid = new InvalidEventError('webhook event', [
      { path: 'eventId', message: 'must not be empty' },
    ]);
    const event = message(topics.webhookEvents, { eventId: '' });
    expect(await handler.onError(invalid, event, 1)).toBe('skip');
    expect(
      await handler.onError(new SyntaxError('Unexpected token'), message(topics.groupCommands, {}), 1),
    ).toBe('skip');
    expect(counted).toEqual(['invalid']);
    expect(publisher.rejected).toHaveLength(1);
    expect(publisher.rejected[0]).toMatchObject({ key: 'tr', value: event.value });
    expect(publisher.rejected[0]?.headers).toMatchObject({
      traceId: 'tr',
      source: `${topics.webhookEvents}:1:9`,
      violations: JSON.stringify([{ path: 'eventId', message: 'must not be empty' }]),
    });
    expect(publisher.rejected[0]?.headers['reason']).toContain('tier-sync could not read the event');
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

describe(SyncPublisher.name, () => {
  it('keys every record by group and sets the notBefore header of a retry', async () => {
    const sent: { topic: string; key: string; headers: Record<string, string> }[] = [];
    const publisher = new SyncPublisher((topic, key, _value, headers) => {
      sent.push({ topic, key, headers });
      return Promise.resolve();
    }, topics);
    const retry = testCommand({ attempt: 1, notBefore: 1_800_000_000_000 });
    await publisher.retry(retry, { traceId: 'tr' });
    expect(sent).toEqual([
      {
        topic: topics.groupCommandsRetry,
        key: String(retry.groupId),
        headers: { traceId: 'tr', commandId: retry.commandId, notBefore: '1800000000000' },
      },
    ]);
  });
});

describe(CoalescingPublisher.name, () => {
  function setup(fail = false) {
    const sends: { topic: string; keys: string[] }[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const coalescing = new CoalescingPublisher({
      publishBatch: async (topic, records) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        sends.push({ topic, keys: records.map((r) => r.key) });
        await new Promise((resolve) => setImmediate(resolve));
        inFlight--;
        if (fail) {
          throw new Error('broker down');
        }
        return [];
      },
    });
    return { coalescing, sends, maxInFlight: () => maxInFlight };
  }

  it('sends one request at a time and gathers what arrives meanwhile, per topic, in order', async () => {
    const { coalescing, sends, maxInFlight } = setup();
    await Promise.all([
      coalescing.publish('a', '1', {}),
      coalescing.publish('a', '2', {}),
      coalescing.publish('b', '3', {}),
      coalescing.publish('a', '4', {}),
    ]);
    expect(sends).toEqual([
      { topic: 'a', keys: ['1'] },
      { topic: 'a', keys: ['2', '4'] },
      { topic: 'b', keys: ['3'] },
    ]);
    expect(maxInFlight()).toBe(1);
  });

  it('rejects every record of a failed batch', async () => {
    const { coalescing } = setup(true);
    const results = await Promise.allSettled([
      coalescing.publish('a', '1', {}),
      coalescing.publish('a', '2', {}),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
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

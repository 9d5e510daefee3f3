import { Controller, Injectable, Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, type MicroserviceOptions, Payload } from '@nestjs/microservices';
import { map, type Observable, timer } from 'rxjs';
import { publishAll, waitFor } from '../../test/keyed-consumer-harness';
import { type KeyedConsumerEvent } from '../consumer/keyed-consumer.options';
import { type KeyedMessage } from '../consumer/keyed-message';
import { testKafka, uniqueName } from '../testing';
import { ensureTopics } from '../topic-admin';
import { KeyedKafkaExceptionFilter } from './keyed-kafka-exception.filter';
import { KeyedKafkaContext } from './keyed-kafka.context';
import { KeyedKafkaTransport, NestHandlerError } from './keyed-kafka.transport';

const TOPICS = {
  tierChanged: uniqueName('nest-tier-changed'),
  memberAdded: uniqueName('nest-member-added'),
  broken: uniqueName('nest-broken'),
};

class TierLookupFailed extends Error {}

interface Seen {
  topic: string;
  data: unknown;
  partition: number;
  offset: string;
  key: string | null;
  headers: Readonly<Record<string, string>>;
}

@Injectable()
class Recorder {
  readonly seen: Seen[] = [];
  readonly log: string[] = [];

  record(data: unknown, context: KeyedKafkaContext): void {
    this.seen.push({
      topic: context.getTopic(),
      data,
      partition: context.getPartition(),
      offset: context.getOffset(),
      key: context.getKey(),
      headers: context.getHeaders(),
    });
  }
}

@Controller()
class TierEventsController {
  constructor(private readonly recorder: Recorder) {}

  @EventPattern(TOPICS.tierChanged)
  async onTierChanged(@Payload() data: unknown, @Ctx() context: KeyedKafkaContext): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 5));
    this.recorder.record(data, context);
  }

  @EventPattern(TOPICS.memberAdded)
  onMemberAdded(@Payload() data: unknown, @Ctx() context: KeyedKafkaContext): Observable<void> {
    // The message may only count as done once this Observable completes, 50 ms from now.
    return timer(50).pipe(
      map(() => {
        this.recorder.record(data, context);
        this.recorder.log.push(`completed ${context.getOffset()}`);
      }),
    );
  }

  @EventPattern(TOPICS.broken)
  onBroken(): Promise<void> {
    return Promise.reject(new TierLookupFailed('tier lookup failed'));
  }
}

@Module({ controllers: [TierEventsController], providers: [Recorder] })
class TestModule {}

/** Builds the test microservice; `app.listen()` is left to the caller, after it subscribed to events. */
async function startApp(transport: KeyedKafkaTransport, withFilter: boolean) {
  // Quiet Nest's boot logs in this worker; the assertions say what happened.
  Logger.overrideLogger(false);
  const options: MicroserviceOptions = { strategy: transport };
  // Nest types this options bag as a class, yet documents (and only ever receives) plain objects.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
  const app = await NestFactory.createMicroservice(TestModule, options);
  if (withFilter) {
    app.useGlobalFilters(new KeyedKafkaExceptionFilter());
  }
  return app;
}

describe(KeyedKafkaTransport.name, () => {
  const kafka = testKafka();

  it('delivers @EventPattern payloads with their context, waits for completion, and routes exceptions to the policy', async () => {
    await ensureTopics(
      kafka,
      Object.values(TOPICS).map((topic) => ({ topic, partitions: 2 })),
    );
    const policyCalls: { error: unknown; attempt: number }[] = [];
    const deadLetters: { message: KeyedMessage; reason: string }[] = [];
    const transport = new KeyedKafkaTransport({
      kafka,
      groupId: uniqueName('nest-group'),
      fromBeginning: true,
      commitIntervalMs: 200,
      retry: { maxAttempts: 2, initialBackoffMs: 10 },
      onError: (error, _message, attempt) => {
        policyCalls.push({ error, attempt });
        return 'retry';
      },
      onDeadLetter: (message, reason) => {
        deadLetters.push({ message, reason });
        return Promise.resolve();
      },
    });
    const app = await startApp(transport, true);
    const recorder = app.get(Recorder);
    const events: KeyedConsumerEvent[] = [];
    transport.on('event', (event) => {
      events.push(event);
      if (event.type === 'handled' && event.message.topic === TOPICS.memberAdded) {
        recorder.log.push(`handled ${event.message.offset}`);
      }
    });
    await app.listen();
    try {
      await publishAll(kafka, TOPICS.tierChanged, [
        { key: 'group-1', value: { tier: 'GOLD' }, headers: { 'x-event-id': 'e-1' } },
      ]);
      await publishAll(kafka, TOPICS.memberAdded, [{ key: 'group-2', value: { member: 'c-9' } }]);
      await publishAll(kafka, TOPICS.broken, [{ key: 'group-3', value: { bad: true } }]);

      await waitFor(() => recorder.seen.length === 2 && deadLetters.length === 1, 'handlers and dead letter');

      const tier = recorder.seen.find((s) => s.topic === TOPICS.tierChanged);
      expect(tier).toMatchObject({ data: { tier: 'GOLD' }, key: 'group-1', offset: '0' });
      expect(tier?.headers).toEqual({ 'x-event-id': 'e-1' });
      expect(recorder.log).toEqual(['completed 0', 'handled 0']);
      expect(policyCalls.map((c) => c.attempt)).toEqual([1, 2]);
      expect(policyCalls.every((c) => c.error instanceof TierLookupFailed)).toBe(true);
      expect(deadLetters[0]?.message.topic).toBe(TOPICS.broken);
      expect(deadLetters[0]?.reason).toContain('tier lookup failed');
    } finally {
      await app.close();
    }
    expect(events.filter((e) => e.type === 'handled')).toHaveLength(2);
  });

  it('without KeyedKafkaExceptionFilter, still reports the failure to the policy, as a NestHandlerError', async () => {
    await ensureTopics(kafka, [{ topic: TOPICS.broken, partitions: 2 }]);
    const errors: unknown[] = [];
    const transport = new KeyedKafkaTransport({
      kafka,
      groupId: uniqueName('nest-group'),
      topics: [TOPICS.broken],
      fromBeginning: true,
      onError: (error) => {
        errors.push(error);
        return { deadLetter: 'unclassified' };
      },
      onDeadLetter: () => Promise.resolve(),
    });
    const app = await startApp(transport, false);
    await app.listen();
    try {
      await publishAll(kafka, TOPICS.broken, [{ key: 'group-4', value: {} }]);
      await waitFor(() => errors.length > 0, 'the policy to be called');
    } finally {
      await app.close();
    }
    expect(errors[0]).toBeInstanceOf(NestHandlerError);
    expect((errors[0] as NestHandlerError).nestError).toEqual({
      status: 'error',
      message: 'Internal server error',
    });
  });
});

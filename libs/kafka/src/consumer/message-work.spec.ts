import { type ErrorDecision, type RetryOptions } from './keyed-consumer.options';
import { type KeyedMessage } from './keyed-message';
import { backoffMs, MessageWork, type WorkEnvironment, type WorkOutcome } from './message-work';

const RETRY: RetryOptions = { maxAttempts: 3, initialBackoffMs: 100, maxBackoffMs: 1_000 };

function message(signal = new AbortController().signal): KeyedMessage {
  return {
    topic: 't',
    partition: 0,
    offset: '7',
    key: 'k',
    headers: {},
    value: Buffer.from('{}'),
    timestamp: '0',
    notBefore: 0,
    signal,
    json: () => ({}),
  };
}

function setup(overrides: Partial<WorkEnvironment>, msg = message()) {
  const outcomes: WorkOutcome[] = [];
  const failures: { attempt: number; decision: ErrorDecision | 'dead-letter-failed' }[] = [];
  const env: WorkEnvironment = {
    handler: () => Promise.resolve(),
    onError: () => 'retry',
    onDeadLetter: () => Promise.resolve(),
    retry: RETRY,
    now: () => 1_000,
    random: () => 1,
    settle: (_work, outcome) => outcomes.push(outcome),
    failed: (work, _error, decision) => failures.push({ attempt: work.attempt, decision }),
    ...overrides,
  };
  return { sut: new MessageWork('k', 'g', msg, env), outcomes, failures };
}

describe(MessageWork.name, () => {
  it('settles a handled message', async () => {
    const { sut, outcomes } = setup({});
    expect(await sut.run()).toBe(true);
    expect(outcomes).toEqual([{ kind: 'handled', attempt: 1, durationMs: 0 }]);
  });

  it('retries with backoff while the policy says retry, then dead-letters after maxAttempts', async () => {
    const boom = new Error('boom');
    const deadLetters: string[] = [];
    const { sut, outcomes, failures } = setup({
      handler: () => Promise.reject(boom),
      onDeadLetter: (_m, reason, error) => {
        expect(error).toBe(boom);
        deadLetters.push(reason);
        return Promise.resolve();
      },
    });
    expect(await sut.run()).toBe(false);
    expect(sut.readyAt).toBe(1_100);
    expect(await sut.run()).toBe(false);
    expect(sut.readyAt).toBe(1_200);
    expect(await sut.run()).toBe(true);
    expect(failures.map((f) => f.attempt)).toEqual([1, 2, 3]);
    expect(deadLetters).toEqual(['failed 3 attempts: Error: boom']);
    expect(outcomes).toEqual([{ kind: 'dead-lettered', reason: 'failed 3 attempts: Error: boom' }]);
  });

  it('dead-letters at once with the policy’s reason, and skips when told to', async () => {
    const dead = setup({
      handler: () => Promise.reject(new Error('x')),
      onError: () => ({ deadLetter: 'permanent' }),
    });
    expect(await dead.sut.run()).toBe(true);
    expect(dead.outcomes).toEqual([{ kind: 'dead-lettered', reason: 'permanent' }]);

    const skipped = setup({ handler: () => Promise.reject(new Error('x')), onError: () => 'skip' });
    expect(await skipped.sut.run()).toBe(true);
    expect(skipped.outcomes[0]?.kind).toBe('skipped');
  });

  it('dead-letters when the policy itself throws', async () => {
    const { sut, outcomes } = setup({
      handler: () => Promise.reject(new Error('handler')),
      onError: () => {
        throw new Error('policy');
      },
    });
    await sut.run();
    expect(outcomes).toEqual([
      { kind: 'dead-lettered', reason: 'error policy threw (Error: policy) for: Error: handler' },
    ]);
  });

  it('calls a failing dead-letter handler again later instead of settling', async () => {
    let calls = 0;
    const { sut, outcomes, failures } = setup({
      handler: () => Promise.reject(new Error('x')),
      onError: () => ({ deadLetter: 'bad' }),
      onDeadLetter: () => (++calls === 1 ? Promise.reject(new Error('dlq down')) : Promise.resolve()),
    });
    expect(await sut.run()).toBe(false);
    expect(failures.at(-1)?.decision).toBe('dead-letter-failed');
    expect(await sut.run()).toBe(true);
    expect(calls).toBe(2);
    expect(outcomes).toEqual([{ kind: 'dead-lettered', reason: 'bad' }]);
  });

  it('abandons instead of handling once its message was given up', async () => {
    const controller = new AbortController();
    let handled = false;
    const { sut, outcomes } = setup(
      {
        handler: () => {
          handled = true;
          controller.abort();
          return Promise.resolve();
        },
      },
      message(controller.signal),
    );
    expect(await sut.run()).toBe(true);
    expect(handled).toBe(true);
    expect(outcomes).toEqual([{ kind: 'abandoned' }]);
    expect(await sut.run()).toBe(true);
    expect(outcomes).toHaveLength(2);
  });

  it('starts at the message’s notBefore', () => {
    const { sut } = setup({}, { ...message(), notBefore: 5_000 });
    expect(sut.readyAt).toBe(5_000);
  });
});

describe(backoffMs.name, () => {
  it('doubles per attempt up to the cap, jittered between half and full size', () => {
    expect([1, 2, 3, 4, 5].map((a) => backoffMs(a, RETRY, () => 1))).toEqual([100, 200, 400, 800, 1_000]);
    expect(backoffMs(2, RETRY, () => 0)).toBe(100);
  });
});

import { parseSyncResult, type SyncResult } from '@tiersync/tier-events';
import { CaptureJournal } from '../../test/capture-journal';
import { CapturePublisher } from '../../test/capture-publisher';
import { testCommand, testPolicy } from '../../test/sync-fixtures';
import { type CommandOutcome } from './command-settlement';
import { EarlierRunsReconciler } from './earlier-runs.reconciler';
import { GroupCommandService } from './group-command.service';
import { type MemberReport, type MemberSyncContext } from './member-sync.runner';

const delivery = {
  topic: 'p.group-commands.v1',
  partition: 2,
  offset: '17',
  headers: { receivedAt: '1000', traceId: 'tr', notBefore: '5' },
  signal: new AbortController().signal,
};

const target = { number: 3, name: 'Gold' };
const upgraded: MemberReport = {
  customerId: 2,
  tierBefore: { number: 1, name: 'Blue' },
  tierAfter: target,
  action: 'UPGRADE',
  status: 'ADJUSTED',
  attempts: 1,
  note: 'n',
};
const inStep: MemberReport = {
  customerId: 2,
  tierBefore: target,
  tierAfter: target,
  action: 'NONE',
  status: 'UNCHANGED',
  attempts: 1,
  note: 'n',
};

type Run = (journal: Pick<MemberSyncContext, 'journal'>['journal']) => Promise<CommandOutcome>;

function setup(run: Run, publisher = new CapturePublisher(), signal = delivery.signal, start = 5000) {
  const recorded: unknown[][] = [];
  const publishRetries: string[] = [];
  let clock = start;
  const now = () => (clock += 10);
  const metrics = {
    recordCommand: (...args: unknown[]) => recorded.push(args),
    recordJournalIntent: () => undefined,
    recordPublishRetry: (record: string) => publishRetries.push(record),
    recordEarlierAdjustment: () => undefined,
  };
  const config = { sync: testPolicy() };
  const journal = new CaptureJournal(publisher, now);
  const service = new GroupCommandService(
    config,
    metrics,
    publisher,
    { run: (_command, _delivery, runJournal) => run(runJournal) },
    new EarlierRunsReconciler(config, journal, metrics, now),
    now,
  );
  const execute = (command = testCommand()) => service.execute(command, { ...delivery, signal });
  return { publisher, recorded, publishRetries, execute, journal };
}

/** A run that journals its write, as MemberSyncRunner does, then reports the member adjusted. */
const adjusting: Run = async (journal) => {
  await journal?.intend({ customerId: 2, action: 'UPGRADE', fromTier: upgraded.tierBefore, toTier: target });
  return { target, members: [upgraded] };
};

describe(GroupCommandService.name, () => {
  it('publishes exactly one result per command, with the forwarded headers, and records metrics', async () => {
    const { publisher, recorded, execute } = setup(() => Promise.resolve({ members: [] }));
    const command = testCommand();
    const result = await execute(command);
    expect(publisher.results).toHaveLength(1);
    expect(publisher.intents).toHaveLength(0);
    expect(publisher.results[0]?.headers).toEqual({ receivedAt: '1000', traceId: 'tr' });
    expect(parseSyncResult(JSON.parse(JSON.stringify(result)))).toMatchObject({
      commandId: command.commandId,
      outcome: 'NOTHING_TO_DO',
    });
    expect(recorded).toEqual([[result, false, 0, 1000]]);
  });

  it('writes the dead letters and the retry before the result', async () => {
    const order: string[] = [];
    const { publisher, execute } = setup(() =>
      Promise.resolve({
        members: [
          { ...upgraded, status: 'FAILED', error: { message: '503', retryable: true } },
          { ...upgraded, customerId: 3, status: 'FAILED', error: { message: '3045', retryable: false } },
        ],
      }),
    );
    for (const method of ['deadLetters', 'retry', 'result'] as const) {
      const original = publisher[method].bind(publisher) as (...args: unknown[]) => Promise<void>;
      (publisher as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        order.push(method);
        return original(...args);
      };
    }
    const result = await execute();
    expect(order).toEqual(['deadLetters', 'retry', 'result']);
    expect(result.outcome).toBe('FAILED');
    expect(publisher.deadLettered[0]?.value.source).toEqual({
      topic: delivery.topic,
      partition: 2,
      offset: '17',
    });
    expect(publisher.retries[0]?.value.memberIds).toEqual([2]);
  });

  it('journals the intent before the write and names its run in the result', async () => {
    const { publisher, execute } = setup(adjusting);
    const result = await execute();
    expect(publisher.intents).toHaveLength(1);
    expect(publisher.intents[0]?.value).toMatchObject({ runId: result.runId, members: [{ customerId: 2 }] });
    expect(result.members[0]).toMatchObject({ outcome: 'ADJUSTED' });
  });

  it('retries a failed result publish in place instead of running the command again', async () => {
    const publisher = new CapturePublisher();
    let failures = 2;
    const original = publisher.result.bind(publisher);
    publisher.result = (value, headers) =>
      failures-- > 0 ? Promise.reject(new Error('broker down')) : original(value, headers);
    let runs = 0;
    const { publishRetries, execute } = setup((journal) => {
      runs++;
      return adjusting(journal);
    }, publisher);
    const result = await execute();
    expect(runs).toBe(1);
    expect(publishRetries).toEqual(['result', 'result']);
    expect(publisher.results.map((r) => r.value)).toEqual([result]);
  });

  it('gives up a publish only when the consumer aborts the message', async () => {
    const publisher = new CapturePublisher();
    const abort = new AbortController();
    publisher.result = () => {
      abort.abort(new Error('revoked'));
      return Promise.reject(new Error('broker down'));
    };
    const { execute } = setup(adjusting, publisher, abort.signal);
    await expect(execute()).rejects.toThrow('broker down');
  });

  it('reports a re-run finding the member in step as ADJUSTED once, when the earlier run left no result', async () => {
    const publisher = new CapturePublisher();
    const command = testCommand();
    const first = setup(adjusting, publisher);
    await first.execute(command);
    const lost = publisher.results.pop()?.value as SyncResult;
    // Past the earlier run's lease (1 s in testPolicy).
    const rerun = setup(() => Promise.resolve({ target, members: [inStep] }), publisher, undefined, 9000);
    const result = await rerun.execute(command);
    expect(result.outcome).toBe('SYNCED');
    expect(result.members[0]).toMatchObject({
      outcome: 'ADJUSTED',
      action: 'UPGRADE',
      tierBefore: { number: 1 },
      appliedBy: { runId: lost.runId, attempt: 0, recorded: false },
    });
  });

  it('credits no adjustment to an aborted run whose write Capillary refused, in the process that saw it', async () => {
    let refusedThenAborted = true;
    const { execute } = setup(
      async (journal) => {
        if (!refusedThenAborted) {
          return { target, members: [inStep] };
        }
        refusedThenAborted = false;
        await journal?.intend({ customerId: 2, action: 'UPGRADE', toTier: target });
        await journal?.refused(2);
        throw new Error('revoked');
      },
      new CapturePublisher(),
      undefined,
      9000,
    );
    const command = testCommand();
    await expect(execute(command)).rejects.toThrow('revoked');
    const result = await execute(command);
    expect(result.outcome).toBe('NOTHING_TO_DO');
    expect(result.members[0]).toMatchObject({ outcome: 'UNCHANGED' });
    expect(result.members[0]?.appliedBy).toBeUndefined();
  });

  it('reports a member whose earlier adjustment is on record as ALREADY_APPLIED, linking that run', async () => {
    const publisher = new CapturePublisher();
    const command = testCommand();
    const first = await setup(adjusting, publisher).execute(command);
    const rerun = setup(() => Promise.resolve({ target, members: [inStep] }), publisher);
    const result = await rerun.execute(command);
    expect(result.outcome).toBe('ALREADY_APPLIED');
    expect(result.members[0]).toMatchObject({
      outcome: 'ALREADY_APPLIED',
      appliedBy: { runId: first.runId, recorded: true },
    });
    const third = await setup(() => Promise.resolve({ target, members: [inStep] }), publisher).execute(
      command,
    );
    expect(third.members[0]).toMatchObject({ outcome: 'ALREADY_APPLIED', appliedBy: { runId: first.runId } });
  });

  it('waits for an earlier run still within its lease, then takes its result into account', async () => {
    const publisher = new CapturePublisher();
    const command = testCommand();
    await setup(adjusting, publisher).execute(command);
    const late = publisher.results.pop()?.value as SyncResult;
    const rerun = setup(() => Promise.resolve({ target, members: [inStep] }), publisher);
    setTimeout(() => {
      rerun.journal.ledger.addResult(late, 0);
    }, 50);
    const result = await rerun.execute(command);
    expect(result.members[0]).toMatchObject({
      outcome: 'ALREADY_APPLIED',
      appliedBy: { runId: late.runId, recorded: true },
    });
  });

  it('counts an adjustment recovered by one re-run as recorded for every later re-run', async () => {
    const publisher = new CapturePublisher();
    const command = testCommand();
    await setup(adjusting, publisher).execute(command);
    publisher.results.pop();
    const found = () => Promise.resolve({ target, members: [inStep] });
    const recovered = await setup(found, publisher, undefined, 9000).execute(command);
    const again = await setup(found, publisher, undefined, 9000).execute(command);
    expect(recovered.members[0]?.outcome).toBe('ADJUSTED');
    expect(again.members[0]?.outcome).toBe('ALREADY_APPLIED');
  });
});

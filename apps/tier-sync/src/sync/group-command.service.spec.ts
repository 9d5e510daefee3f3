import { parseSyncResult } from '@tiersync/tier-events';
import { CapturePublisher } from '../../test/capture-publisher';
import { testCommand, testPolicy } from '../../test/sync-fixtures';
import { type CommandOutcome } from './command-settlement';
import { GroupCommandService } from './group-command.service';

const delivery = {
  topic: 'p.group-commands.v1',
  partition: 2,
  offset: '17',
  headers: { receivedAt: '1000', traceId: 'tr', notBefore: '5' },
  signal: new AbortController().signal,
};

function setup(outcome: CommandOutcome) {
  const publisher = new CapturePublisher();
  const recorded: unknown[][] = [];
  let clock = 5000;
  const service = new GroupCommandService(
    { sync: testPolicy() },
    { recordCommand: (...args) => recorded.push(args) },
    publisher,
    { run: () => Promise.resolve(outcome) },
    () => (clock += 10),
  );
  return { publisher, recorded, service };
}

describe(GroupCommandService.name, () => {
  it('publishes exactly one result per command, with the forwarded headers, and records metrics', async () => {
    const { publisher, recorded, service } = setup({ members: [] });
    const command = testCommand();
    const result = await service.execute(command, delivery);
    expect(publisher.results).toHaveLength(1);
    expect(publisher.results[0]?.headers).toEqual({ receivedAt: '1000', traceId: 'tr' });
    expect(parseSyncResult(JSON.parse(JSON.stringify(result)))).toMatchObject({
      commandId: command.commandId,
      outcome: 'NOTHING_TO_DO',
    });
    expect(recorded).toEqual([[result, false, 0, 1000]]);
  });

  it('writes the dead letters and the retry before the result', async () => {
    const order: string[] = [];
    const { publisher, service } = setup({
      members: [
        {
          customerId: 2,
          action: 'UPGRADE',
          status: 'FAILED',
          attempts: 3,
          note: 'n',
          error: { message: '503', retryable: true },
        },
        {
          customerId: 3,
          action: 'UPGRADE',
          status: 'FAILED',
          attempts: 1,
          note: 'n',
          error: { message: '3045', retryable: false },
        },
      ],
    });
    for (const method of ['deadLetters', 'retry', 'result'] as const) {
      const original = publisher[method].bind(publisher) as (...args: unknown[]) => Promise<void>;
      (publisher as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        order.push(method);
        return original(...args);
      };
    }
    const result = await service.execute(testCommand(), delivery);
    expect(order).toEqual(['deadLetters', 'retry', 'result']);
    expect(result.outcome).toBe('FAILED');
    expect(publisher.deadLettered[0]?.value.source).toEqual({
      topic: delivery.topic,
      partition: 2,
      offset: '17',
    });
    expect(publisher.retries[0]?.value.memberIds).toEqual([2]);
  });
});

import { topicNames } from '@tiersync/tier-events';
import { testCommand } from '../../test/sync-fixtures';
import { SyncPublisher } from './sync.publisher';

const topics = topicNames('t.');

describe(SyncPublisher.name, () => {
  it('keys every record by group and sets the notBefore header of a retry', async () => {
    const sent: { topic: string; key: string; headers: Record<string, string> }[] = [];
    const publisher = new SyncPublisher(
      {
        publish: (topic, { key, headers = {} }) => {
          sent.push({ topic, key, headers });
          return Promise.resolve();
        },
      },
      { kafka: { topics } },
    );
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
